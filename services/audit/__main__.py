from .sink import main

main()

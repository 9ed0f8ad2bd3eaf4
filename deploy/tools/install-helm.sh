#!/usr/bin/env bash
# Builds helm from the Go module proxy into a machine-wide cache (no prebuilt binaries can be fetched
# here). The first build takes a few minutes; later runs find the cached binary and return at once.
# Prints the path of the helm binary on stdout.
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
BIN_DIR="${VIGIE_TOOLS_BIN:-${XDG_CACHE_HOME:-$HOME/.cache}/vigie/bin}"
helm="$BIN_DIR/helm-$HELM_VERSION"

if [ -x "$helm" ]; then
  echo "$helm"
  exit 0
fi

# The machine's Go may sit outside PATH (its usual install folder); Debian's golang is the last resort.
if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then
  PATH="/usr/local/go/bin:$PATH"
fi
if ! command -v go >/dev/null; then
  echo "install-helm: installing golang with apt" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q golang >&2
fi
# helm's go.mod may ask for a newer Go than the installed one: from Go 1.21 on, the go command takes
# that toolchain from the module proxy itself (GOTOOLCHAIN=auto). An older Go cannot.
if ! go env GOTOOLCHAIN >/dev/null 2>&1 || [ -z "$(go env GOTOOLCHAIN 2>/dev/null)" ]; then
  echo "install-helm: $(go version) is too old to build helm $HELM_VERSION (Go 1.21+ needed)" >&2
  exit 1
fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"

mkdir -p "$BIN_DIR"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
echo "install-helm: building helm $HELM_VERSION with $(go version) (minutes the first time)" >&2
# GOBIN keeps the build out of ~/go/bin; the version ends up in the file name so an upgrade rebuilds.
GOFLAGS=-mod=mod GOBIN="$build" go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
mv "$build/helm" "$helm.tmp" && mv "$helm.tmp" "$helm"
echo "$helm"

"""Hand-checked French (France and Quebec) and English lexicons and patterns.

Every entry is written in plain lower-case spelling, accents optional; `rules.py` folds them the way
`normalize()` folds comments (accents stripped, doubled letters cut), so "attends" also matches
"atends" and "connnnard". Patterns are regexes over that folded text; `{TU}`, `{YOU}`... are macros
expanded below. Weights are the evidence strength in [0, 1] (0.9 = near-certain on its own).

Swear words and Quebec sacres are *intensifiers*: they are never evidence of toxicity by themselves,
only when a pattern shows them aimed at someone ("t'es un ostie de cave", "you fucking idiot").
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    pattern: str  # a term (matched as whole words) or a regex when `regex` is true
    weight: float
    label: str  # short name shown in reasons
    regex: bool = False


MACROS = {
    # second person, France and Quebec spellings ("t'es", "t'é", "tes", "t'est", "vous êtes")
    "TU": r"(?:t ?' ?es|t ?' ?e|tes|t'est|tu es|tu e|vous etes|vous etes tous|vs etes|t'etais|tu etais)",
    "YOU": r"(?:you|u|ya|you guys|y'all|yall|ur|you're|youre|you are|u r)",
    "ARE": r"(?:are|r|is|'re|re)",
    "DET": r"(?:un|une|des|le|la|les|gang de|bande de|bande d'|gang d')",
    "QCINT": r"(?:(?:ostie|osti|esti|estie|hostie|criss|crisse|calisse|caliss|tabarnak|tabarnac|tabarnouche|"
    r"sacrament|ciboire|maudit|maudite|mautadit|fucking|putain|sale|gros|grosse|espece) (?:de |d')?)",
    "ENINT": r"(?:(?:fucking|fuckin|stupid|dumb|pathetic|useless|absolute|complete|total|bloody|damn|goddamn|"
    r"little|fat|ugly|worthless|bunch of|bunch a) )",
    "KILLV": r"(?:tuer|buter|crever|egorger|planter|fumer|flinguer|descendre|defoncer|massacrer|exploser|"
    r"etrangler|abattre|eliminer|poignarder|tirer dessus|faire la peau|casser la gueule|casser la yeule|"
    r"peter la gueule|peter la yeule|casser les jambes|pogner|arranger le portrait|regler ton compte|"
    r"faire payer|retrouver|trouver|brûler)",
    "KILLE": r"(?:kill|murder|hurt|shoot|stab|strangle|choke|beat|end|bury|slaughter|butcher|find|hunt|get|"
    r"burn|destroy|smash your face|break your|punch|rape)",
    # Someone else's phone or address: third person, or a call to contact them.
    "PHONECTX": r"(?:son numero|son num|son cell|son tel|sa ligne|his number|her number|their number|his cell|"
    r"her cell|his phone|her phone|numero de (?:la|le|cette|ce|l')|number of (?:the|that|this)|appelez-la|"
    r"appelez-le|appelez la|appelez le|call him|call her|text him|text her|harcelez|harass|spam (?:him|her)|"
    r"il habite|elle habite|he lives|she lives|her address|his address|son adresse|la gerante|le gerant|"
    r"the manager'?s|le chauffeur|the driver'?s|la prof|the teacher'?s)",
}

# Insult nouns/adjectives that are demeaning whenever they are applied to a person.
INSULT_NOUNS_FR = (
    "con", "conne", "cons", "connard", "connards", "connasse", "abruti", "abrutis", "abrutie", "imbecile",
    "imbeciles", "idiot", "idiots", "idiote", "debile", "debiles", "cretin", "cretins", "cretine", "encule",
    "encules", "enfoire", "enfoires", "salaud", "salauds", "salope", "pute", "bouffon", "bouffons", "guignol",
    "guignols", "tocard", "tocards", "minable", "minables", "rate", "merdeux", "sous-merde", "trou du cul",
    "trou de cul", "trou d'cul", "tete de noeud", "cave", "caves", "epais", "epaisse", "niaiseux", "niaiseuse",
    "niaiseuses", "tarla", "tarlas", "twit", "twits", "gnochon", "gnochons", "colon", "colons", "mongol",
    "mongols", "crosseur", "crosseurs", "crosseuse", "voleurs", "escrocs", "escroc", "clowns", "clown",
    "incompetents", "incompetent", "incompetente", "incapables", "branleur", "branleurs",
    "dechet", "dechets", "parasite", "parasites", "plouc", "ploucs", "beauf", "beaufs", "chien sale",
    "grosse vache", "grosse torche", "torche", "chienne", "charogne", "charognes", "pourriture", "pourritures",
    "raclure", "ordure", "ordures", "losers", "loser", "attarde", "attardes", "fdp", "fils de pute",
    "batard", "batards", "truie", "pd", "cocu", "naze", "nazes", "teube", "boloss", "bolosse",
)
# English nouns that also describe things ("garbage service"): only an insult when aimed at a person.
INSULT_NOUNS_EN_AMBIGUOUS = (
    "trash", "garbage", "incompetent", "incompetents", "thieves", "crooks", "crook", "scammers", "fraudsters",
    "pig", "pigs", "cow", "tool", "karen", "fool", "fools", "snowflake", "parasite", "parasites", "clown", "clowns",
)
INSULT_NOUNS_EN = (
    "idiot", "idiots", "moron", "morons", "dumbass", "dumbasses", "dumbfuck", "jackass", "asshole",
    "assholes", "bitch", "bitches", "cunt", "cunts", "dickhead", "dickheads", "dick", "prick", "pricks",
    "twat", "wanker", "wankers", "douche", "douchebag", "douchebags", "scumbag", "scumbags", "loser", "losers",
    "clown", "clowns", "imbecile", "imbeciles", "piece of shit", "pos", "bastard", "bastards", "jerk", "jerks",
    "halfwit", "halfwits", "numbnuts", "dipshit", "dipshits", "shithead", "shitheads",
    "motherfucker", "motherfuckers", "fucker", "fuckers", "retard", "retards", "simpleton", "buffoon",
    "buffoons", "fool", "fools", "cow", "slut", "whore", "hoe", "hoes", "skank", "degenerate", "degenerates",
    "lowlife", "lowlifes", "muppet", "muppets",
)

# Swear words and sacres: intensifiers, never toxic on their own.
SWEARS = (
    "tabarnak", "tabarnac", "tabarnouche", "tabarouette", "tabarslak", "taberouette", "calisse", "caliss",
    "calice", "câlice", "crisse", "criss", "ostie", "osti", "hostie", "esti", "estie", "sti", "ciboire",
    "calvaire", "sacrament", "viarge", "maudit", "maudite", "mautadit", "torrieux", "batince", "bout d'viarge",
    "putain", "merde", "bordel", "fait chier", "chiant", "chiante", "foutu", "foutue", "putain de",
    "fuck", "fucking", "fuckin", "fucked", "fricking", "freaking", "frigging", "shit", "shitty", "damn",
    "goddamn", "hell", "crap", "crappy", "bloody", "wtf", "omfg", "af", "holy shit", "bullshit", "badass",
    "sick", "fml", "pissed", "pissed off",
)

LEXICON: dict[str, list[Entry]] = {
    "threat": [
        # French, direct and veiled
        Entry(r"(?:je vais|j'vais|jvais|chu pour|m'as|ma|je vas|on va|on vas|nous allons|ils vont|je peux) "
              r"(?:te|vous|le|la|les|t'|l') ?{KILLV}", 0.92, "menace directe (fr)", True),
        Entry(r"(?:je sais|on sait|je connais|on connait) (?:ou|l'endroit ou) (?:tu|vous|il|elle) "
              r"(?:travailles?|travaillez|habites?|habitez|restes?|restez|vis|vivez|dors|stationnes?)", 0.92,
              "menace voilée: sait où", True),
        Entry(r"je connais (?:ton|votre|son) (?:adresse|char|auto|voiture|nom|horaire)", 0.85,
              "menace voilée: connaît l'adresse", True),
        Entry(r"(?:tu vas|vous allez|tu vas le|vous allez le|il va le|tu va) (?:le )?(?:regretter|payer|voir ce qui)",
              0.85, "menace voilée: vous allez le regretter", True),
        Entry(r"(?:fais|faites|fait) (?:bien )?attention a (?:toi|vous|tes|vos|ta|ton)", 0.8,
              "menace voilée: fais attention à toi", True),
        Entry(r"(?:surveille|surveillez) (?:tes|vos|bien tes|bien vos) (?:arrieres|enfants|char)", 0.9,
              "menace voilée: surveille tes arrières", True),
        Entry(r"(?:tes|vos) jours sont comptes|gare a (?:toi|vous)|ca va mal finir pour (?:toi|vous)|"
              r"tu (?:vas|va) (?:passer un mauvais quart|avoir affaire a moi)|attends?-toi a (?:recevoir|une visite)|"
              r"je vais (?:t|vous) attendre (?:a la sortie|dehors|apres)|on va se (?:revoir|recroiser)", 0.85,
              "menace voilée (fr)", True),
        Entry(r"(?:je vais|on va|j'vais|m'as) (?:tout )?(?:faire sauter|bruler|mettre le feu|incendier|tirer sur|"
              r"venir avec (?:un|une|mon) (?:fusil|arme|gun|couteau|batte))", 0.95, "menace: arme/incendie", True),
        Entry(r"(?:une balle dans|un couteau dans|une bombe|poser une bombe|alerte a la bombe)", 0.8,
              "menace: arme", True),
        Entry(r"(?:va|vas|allez) (?:mourir|crever)|creve(?:z)? (?:donc|sale|en enfer)|tu merites? de (?:mourir|crever)|"
              r"j'espere que (?:tu|vous) (?:vas|allez|va) (?:mourir|crever|avoir un accident)", 0.85,
              "souhait de mort", True),
        Entry(r"quelqu'un (?:devrait|va) (?:le|la|les|te|vous|lui) (?:tuer|buter|frapper|descendre|casser)|"
              r"(?:faudrait|faut|il faut) (?:les|le|la) (?:pendre|fusiller|tuer|bruler|abattre|gazer)", 0.88,
              "incitation à la violence", True),
        # English, direct and veiled
        Entry(r"(?:i'?ll|i will|i'?m gonna|im gonna|i am going to|i'?m going to|we'?ll|we will|we'?re gonna|"
              r"gonna|going to|i wanna|i want to|i should|ima|imma) {KILLE} (?:you|u|ya|him|her|them|your|"
              r"everyone|every one|this place|the place|that driver|the driver|the manager|the staff|y'all|yall|all of you)",
              0.92, "direct threat (en)", True),
        Entry(r"watch (?:your|ur|yo) (?:back|step|mouth)|better watch out|sleep with one eye open|"
              r"your days are numbered|you(?:'ll| will)? (?:regret (?:this|it|that)|pay for (?:this|that))|"
              r"you'?re gonna regret|you will regret|you'?ll be sorry|you'?re dead|ur dead|dead man walking|"
              r"see you (?:in the parking lot|outside|after work|after your shift)|wait till i (?:catch|find|see) you|"
              r"i'?ll be waiting (?:for you|outside)|(?:gonna|going to) get what'?s coming|"
              r"something bad (?:is gonna|will|might) happen|accidents happen", 0.85, "veiled threat (en)", True),
        Entry(r"(?:i|we) know where (?:you|u|he|she|they) (?:live|work|park|sleep|go to school)|"
              r"i know your (?:address|car|schedule)", 0.92, "veiled threat: knows where", True),
        Entry(r"(?:blow up|shoot up|burn down|bomb) (?:the|this|your|that) ?(?:place|building|store|station|"
              r"office|campus|school|bank|branch|restaurant)?|(?:there'?s|there is|planted) a bomb", 0.92,
              "threat: attack on place", True),
        Entry(r"kill (?:yo)?urself|kys|go die|i hope (?:you|u|he|she|they) (?:die|dies|get hit|get cancer|burn)|"
              r"(?:you|u) (?:should|deserve to) die|someone should (?:shoot|kill|hurt|beat|stab)|"
              r"(?:i )?hope (?:the|that|this|your|he|she|they|you|u|ur|him|her) ?(?:\w+ ){0,3}(?:dies|die|gets killed|"
              r"get killed|gets hit|burns|croaks)", 0.9,
              "death wish / incitement", True),
    ],
    "hate": [
        Entry(r"nigger|niggers|nigga|niggas|faggot|faggots|fag|fags|dyke|dykes|tranny|trannies|troon|troons|"
              r"chink|chinks|spic|spics|kike|kikes|wetback|wetbacks|raghead|ragheads|towelhead|towelheads|coon|"
              r"coons|gook|gooks|paki|pakis|beaner|beaners|shemale|mudslime|rapefugee|rapefugees|dindu|goyim|"
              r"sand nigger|jungle bunny|porch monkey", 0.93, "slur (en)", True),
        Entry(r"bougnoule|bougnoules|bicot|bicots|negre|negres|negresse|negro|negros|youpin|youpins|youtre|"
              r"pede|pedes|pedale|tarlouze|tarlouzes|tapette|tapettes|gouine|gouines|travelo|travelos|bamboula|"
              r"chinetoque|chinetoques|niakoue|niakoues|raton|ratons|crouille|crouilles|bride|brides|feuj de merde|"
              r"sale juif|sale arabe|sale noir|sale negre|sauvagesse|kawish", 0.9, "injure raciste/homophobe (fr)",
              True),
        Entry(r"(?:sale|sales|maudit|maudits|maudite|maudites|dirty|filthy|fucking|stupid|criss de|ostie de|esti de) "
              r"(?:arabe|arabes|noir|noirs|noire|juif|juifs|juive|musulman|musulmans|musulmane|immigre|immigres|"
              r"immigrant|immigrants|immigrante|immigrantes|chinois|asiatique|asiatiques|homo|homos|gai|gais|gay|"
              r"gays|lesbienne|lesbiennes|trans|indien|indiens|autochtone|autochtones|mexicain|mexicains|haitien|"
              r"haitiens|africain|africains|roumain|roms|gitan|gitans|anglo|anglos|bloke|blokes|muslim|muslims|jew|"
              r"jews|arab|arabs|mexican|mexicans|black|blacks|indian|indians|chinese|asian|asians|gays|queers|"
              r"lesbians|refugee|refugees|migrant|migrants|foreigner|foreigners|etranger|etrangers|refugie|refugies)",
              0.9, "attaque sur un groupe protégé", True),
        Entry(r"(?:les |the |all |ces |those |these )?(?:arabes|noirs|juifs|musulmans|immigres|immigrants|"
              r"etrangers|refugies|migrants|gays|gais|homos|lesbiennes|trans|femmes|autochtones|indiens|africains|"
              r"haitiens|mexicains|chinois|asiatiques|handicapes|muslims|jews|arabs|immigrants|refugees|migrants|"
              r"gays|lesbians|trans people|transgenders|women|females|blacks|mexicans|indians|asians|chinese|"
              r"foreigners|disabled people|retards) (?:sont|are|r|is|=|c'est) (?:tous |all |just |des |de la |la |"
              r"like )?(?:animaux|animals|vermine|vermin|parasites|rats|cafards|cockroaches|singes|monkeys|apes|"
              r"sous-hommes|subhuman|sauvages|savages|terroristes|terrorists|pedophiles|pedos|malades|sick|"
              r"a disease|une maladie|une plaie|a plague|inferieurs|inferior|dechets|garbage|trash|criminels|"
              r"criminals|rapists|violeurs|degenerates|degeneres|abominations|an abomination|une abomination|"
              r"dangerous|dangereux|stupid|stupides|cons|filth|dirty|sales|le probleme|the problem)", 0.9,
              "déshumanisation d'un groupe protégé", True),
        Entry(r"(?:retourne|retournez|rentre|rentrez|go back|send them back|renvoyez-les|renvoyer|deport them|"
              r"deport all) (?:dans ton|dans votre|chez vous|chez toi|dans leur|to your|to their|back to|them|"
              r"the)? ?(?:pays|country|countries|bled|afrique|africa|mexico|jungle|desert)?", 0.6,
              "retourne dans ton pays", True),
        Entry(r"(?:should be|need to be|must be|doivent etre|devraient etre|faut les) (?:deported|gassed|"
              r"exterminated|eradicated|expulses|deportes|exterminés|extermines|eradiques|gazes|parques|sterilized|"
              r"steriliser|stérilisés)", 0.9, "appel à l'exclusion/extermination", True),
        Entry(r"(?:les |the )?(?:juifs|jews|zionists|sionistes) (?:own|control|controlent|run|dirigent|possedent|"
              r"are behind|sont derriere)|(?:les |the )?(?:arabes|musulmans|immigres|noirs|juifs|gays|trans|arabs|"
              r"muslims|immigrants|blacks|jews|migrants|refugies|refugees) (?:dehors|out)|dehors les (?:arabes|"
              r"musulmans|immigres|noirs|juifs|etrangers|migrants)|(?:trans|gais|gays|homos|lesbiennes|queers|"
              r"musulmans|muslims|immigres|immigrants)[^.!?]{0,40}(?:abomination|contre nature|unnatural|"
              r"degenerate|degeneres|une maladie|a disease)", 0.88, "attaque sur un groupe protégé (2)", True),
        Entry(r"grand remplacement|great replacement|remigration|white genocide|14 words|1488|heil hitler|"
              r"sieg heil|white power|zog|happy merchant|\(\(\(|juden|gas the|hitler (?:was right|avait raison)|"
              r"diversity hire|dei hire|groomers|alphabet people|islamisation|islamization|invasion migratoire|"
              r"les envahisseurs|the invaders|shekels", 0.88, "terme codé", True),
        Entry(r"(?:les |the )?(?:femmes|women|girls|filles|bitches) (?:sont|are|belong|devraient|should|doivent|"
              r"need to) (?:faites pour|in the kitchen|a la cuisine|a la maison|rester a la maison|stay home|"
              r"shut up|se taire|inferieures|inferior|property|stupid|connes|dumb|too emotional)", 0.88,
              "sexisme", True),
        Entry(r"(?:l'homosexualite|homosexuality|being gay|etre gai|etre gay|being trans|etre trans) (?:est|is) "
              r"(?:une maladie|a disease|a sin|un peche|contre nature|unnatural|disgusting|degoutant|a mental illness|"
              r"une maladie mentale)", 0.9, "homophobie/transphobie", True),
        Entry(r"(?:engage|engagez|engager|hire|hiring|hired) (?:des|plus de|more|only|que des)? ?(?:immigres|"
              r"immigrants|etrangers|noirs|arabes|foreigners|blacks|arabs|muslims|musulmans|women|femmes) "
              r"(?:qui|who|that) (?:parlent|speak|savent|know|can'?t|peuvent|comprennent)", 0.7,
              "discrimination à l'embauche", True),
        Entry(r"(?:can'?t|cant|doesn'?t|don'?t|ne parle|parle (?:meme )?pas|parlent pas) (?:even )?(?:speak|"
              r"un mot de|francais|english|anglais)?.{0,20}(?:go back|retourne|rentre chez|immigrant|etranger|"
              r"foreigner|terroriste|terrorist)", 0.65, "origine comme attaque", True),
        Entry(r"(?:mongol|mongols|trisomique|trisomiques|autiste|autistes|retarded|spastic|"
              r"spaz|handicape mental|mongolien|mongoliens|attarde mental|attardes mentaux)", 0.55,
              "validisme (handicap comme injure)", True),
    ],
    "harassment": [
        Entry(r"xphone.{0,60}{PHONECTX}|{PHONECTX}.{0,60}xphone", 0.7, "doxxing: numéro publié", True),
        Entry(r"(?:xmention|il|elle|he|she|they|son|sa|ses|his|her|their|the manager|la gerante|le gerant|"
              r"the driver|le chauffeur|la chauffeuse|l'employe|l'employee|the cashier|la caissiere)? ?"
              r"(?:habite|reste|demeure|lives|live|address is|adresse est|adresse c'est|adresse:|address:|home is)"
              r" (?:au|a|at|on|:)? ?\d{1,5},? ?(?:\w+ ){0,3}(?:rue|avenue|av|boulevard|boul|blvd|chemin|ch|street|"
              r"st|road|rd|ave|drive|dr|lane|ln|place|rang|montee|crescent|court|ct|way|allee|impasse)", 0.9,
              "doxxing: adresse publiée", True),
        Entry(r"\d{1,5},? (?:rue|avenue|av|boulevard|boul|blvd|chemin|street|road|drive|lane|rang|montee|allee|"
              r"impasse) [a-z-]+(?: [a-z-]+)?.{0,40}(?:appartement|apt|app|app\.|unit|suite|logement|code postal|"
              r"h\d[a-z] ?\d[a-z]\d|\d{5})", 0.6, "adresse postale complète", True),
        Entry(r"(?:voici|here'?s|here is|voila|c'est quoi|what'?s|found|j'ai trouve|i found) (?:son|sa|ses|his|her|"
              r"their|the manager'?s|le|la) (?:numero|number|adresse|address|insta|instagram|facebook|fb|profil|"
              r"profile|plaque|license plate|email|courriel|home|maison|nom complet|full name|workplace)", 0.75,
              "doxxing: partage d'infos", True),
        Entry(r"(?:everyone|everybody|tout le monde|allez|let'?s all|go) (?:go )?(?:tous )?(?:report|harass|spam|"
              r"message|call|dm|flood|harceler|signaler|ecrire a|appeler|spammer|inonder) (?:her|him|them|xmention|"
              r"la|le|lui|les|son|sa)", 0.85, "appel au harcèlement", True),
        # sexual harassment
        Entry(r"(?:send|show|envoie|envoies|montre|montres|envoyez) (?:me |moi |nous )?(?:des |tes |your |ur |some )?"
              r"(?:nudes|nude|photos nue|tits|boobs|seins|fesses|ass|pics|pictures of you|photos de toi|feet pics)",
              0.9, "harcèlement sexuel: demande de nudes", True),
        Entry(r"(?:nice|great|big|sexy|belle|belles|beau|beaux|gros|grosses) (?:tits|boobs|ass|rack|seins|fesses|"
              r"cul|boule|boules|jambes)|(?:suck|suce|sucer) (?:my|ma|mon)|sit on my (?:face|lap)|"
              r"(?:viens|come) (?:t'asseoir|sit) sur|je (?:te|la|le) (?:baiserais|prendrais|defoncerais|ken)|"
              r"i'?d (?:fuck|bang|smash|hit that|tap that|do her|do him)|(?:would|wanna) (?:bang|smash|fuck) (?:her|him|you)"
              r"|(?:she|he|la caissiere|le caissier|the cashier|the waitress|la serveuse|your employee|ton employe|"
              r"votre employee|la prof|the teacher|la conseillere|la gerante|the teller|la presentatrice)"
              r"(?: [^.!?]{0,30})? (?:is|est|looks|a l'air) (?:so |trop |vraiment |tellement )?(?:hot|sexy|fuckable|"
              r"bonne|chaude|baisable|cochonne)|t'es (?:trop |tellement |vraiment )?(?:bonne|baisable|cochonne)"
              r"|wanna see (?:you|u) naked|je veux te voir (?:toute )?nue|(?:ta|your|ur) (?:chatte|pussy|dick|bite|queue)",
              0.85, "harcèlement sexuel", True),
        # targeted personal abuse: appearance, worth, stalking
        Entry(r"(?:xmention|{TU}|{YOU}|elle est|il est|she'?s|he'?s|she is|he is) (?:so |tellement |trop |vraiment |"
              r"tellement )?(?:laid|laide|laite|moche|ugly|fat|gros tas|grosse|obese|hideous|disgusting|degueulasse|"
              r"degoutante|degoutant|repulsive|repugnant|repugnante)", 0.6, "attaque sur le physique", True),
        Entry(r"personne (?:ne )?(?:t'aime|t'aimera|veut de toi|te veut)|nobody (?:likes|loves|wants|will ever love) "
              r"(?:you|u)|no one (?:likes|loves|wants) (?:you|u)|(?:tu|you) (?:should|devrais) (?:disappear|"
              r"disparaitre|te cacher|hide)|go cry|va pleurer|(?:t'as|tu as|you have) pas d'amis|you have no friends"
              r"|everyone hates (?:you|u)|tout le monde te deteste|(?:quit|leave|delete) (?:your|ur) (?:job|account)"
              r" (?:nobody|no one)", 0.65, "dénigrement personnel ciblé", True),
        Entry(r"(?:je t'ai vu|je t'ai vue|i saw you|i'?ve been watching|je te surveille|je te suis|i follow you|"
              r"i'?m watching you|je t'observe) (?:hier|ce matin|at|a|au|with|avec|home|chez|leave|sortir)?", 0.6,
              "suivi/surveillance", True),
    ],
    "insult": [
        # aimed at someone: "t'es un ostie de cave", "vous êtes des incompétents", "bande de caves"
        Entry(r"{TU} (?:qu'?)?(?:un |une |des |juste un |juste une |rien qu'un |rien qu'une |vraiment un |"
              r"vraiment une )?{QCINT}*(?:{INSFR})", 0.9, "insulte ciblée (fr)", True),
        Entry(r"(?:bande|gang|ramassis|troupeau|bunch|band) (?:de |d'|of |a )?{QCINT}*(?:{INSFR}|{INSEN})", 0.85,
              "insulte collective", True),
        Entry(r"{QCINT}(?:{INSFR})|(?:espece|esp) (?:de|d') ?(?:{INSFR})", 0.7, "insulte intensifiée (fr)", True),
        Entry(r"(?:{YOU}|you are|you'?re|ur|u r|you guys are|y'all are|yall are|your staff is|your staff are|"
              r"your employees are|this driver is|that driver is|the manager is|the staff (?:is|are)) "
              r"(?:such |a |an |just a |just an |nothing but |fucking |all |bunch of |a bunch of )*{ENINT}*(?:{INSENX})", 0.9,
              "targeted insult (en)", True),
        Entry(r"{ENINT}(?:{INSEN})", 0.7, "intensified insult (en)", True),
        # one-word or untargeted insult nouns that are nearly always aimed at someone
        Entry(r"connard|connards|connasse|connasses|encule|encules|enfoire|enfoires|salope|salopes|fdp|"
              r"fils de pute|trou de cul|trou du cul|trou d'cul|sous-merde|ordure|ordures|raclure|charogne|"
              r"asshole|assholes|cunt|cunts|motherfucker|motherfuckers|dickhead|dickheads|dumbass|dumbfuck|"
              r"scumbag|scumbags|shithead|dipshit|douchebag|douchebags|twat|wanker|wankers|idiots|morons|"
              r"imbeciles|cretins|abrutis|caves|tarlas|gnochons|crosseurs|bitch|bitches", 0.6,
              "insulte", True),
        Entry(r"(?:fuck|f|screw|fk|fck|fuk|fuq) (?:you|u|ya|off|yourself|yourselves|y'all|yall|you guys|you all|"
              r"this company|your company|your bank|your service|the staff|your staff|them|him|her|every one of you|"
              r"everyone)|(?:stfu|gtfo|go to hell|go fuck yourself|eat shit|suck it|shut up|shut the fuck up|"
              r"piss off|bite me|kiss my ass|up yours|get fucked|get lost)", 0.85, "aimed swearing (en)", True),
        Entry(r"(?:va|allez|vas) (?:donc )?(?:chier|te faire (?:foutre|enculer|voir)|vous faire (?:foutre|enculer|voir)|"
              r"au diable|te rhabiller)|(?:mange|manges|mangez) (?:donc )?(?:un char de |de la |d'la |d' |de )?"
              r"(?:marde|merde|ma graine|un char)|(?:ta|ferme ta|farme ta|fermez vos|vos) (?:gueule|yeule|guele|"
              r"geule)|(?:ntm|nique ta mere|nique ta race|niquez vos meres|fdp|ftg|tg|suce ma|suce mon|"
              r"decalisse|crisse ton camp|calisse ton camp|sacre ton camp|mange donc)", 0.88,
              "injure adressée (fr)", True),
        Entry(r"(?:{YOU}|you guys|y'all|yall) (?:suck|sucks|are pathetic|are a joke|are clowns|are disgusting|"
              r"are trash|are garbage|make me sick)|(?:vous etes|t'es|tes|{TU}) (?:pathetique|pathetiques|nul|nuls|"
              r"nulle|nulles|pitoyable|pitoyables|minable|minables|une honte|une blague|ridicule|ridicules|"
              r"des pas bons|pas bon|pas bons|degueulasse|degueulasses|pourri|pourris|dans le champ)", 0.6,
              "dénigrement de l'organisation/du personnel", True),
        Entry(r"(?:{INSFR}|{INSEN}) (?:de |d'|of )?(?:service client|caissier|caissiere|chauffeur|chauffeuse|"
              r"driver|gerant|gerante|manager|prof|professeur|teacher|agent|banquier|banker|serveur|serveuse|waiter|"
              r"waitress|employe|employee|employes|employees|staff|commis|conseiller|conseillere)", 0.7,
              "insulte au personnel", True),
        Entry(r"(?:le|la|les|ce|cette|ces|that|this|the|your|votre|vos|ton|ta|tes) (?:chauffeur|chauffeuse|driver|"
              r"caissier|caissiere|cashier|gerant|gerante|manager|prof|professeur|teacher|agent|banquier|serveur|"
              r"serveuse|waiter|waitress|employe|employee|employes|employees|staff|conseiller|conseillere|ceo|pdg|"
              r"directeur|directrice|commenter|personne) (?:est|sont|etait|is|are|was|were|c'est) "
              r"(?:un |une |des |a |an |such a |such an |so |tellement |vraiment |trop |fucking |full )*"
              r"(?:{QCINT}|{ENINT})*(?:{INSFR}|{INSENX})", 0.88, "insulte au personnel (désignation)", True),
    ],
    "spam": [
        Entry(r"crypto|cryptos|bitcoin|bitcoins|btc|ethereum|usdt|nft|nfts|forex|binary options|"
              r"options binaires|airdrop|memecoin|dogecoin|solana|blockchain|mining pool", 0.6, "crypto", True),
        Entry(r"trading|trader|tradeur|investissement|investment|invest|investir|profit|profits|portfolio",
              0.3, "investissement", True),
        Entry(r"(?:make|earn|made|earned|gagner|gagne|gagnez|j'ai gagne|faire|fais) (?:\$|\d|des |de l'argent|"
              r"money|cash|un revenu|up to|jusqu'a|from home|de chez|a la maison|extra|passive|passif|easy money|"
              r"facilement)|passive income|revenu passif|argent facile|easy money|work from home|travail a domicile|"
              r"financial freedom|liberte financiere|get rich|devenir riche|double your|doubler votre|"
              r"guaranteed (?:profit|return)|rendement garanti|profit garanti|\d+ ?% (?:profit|return|par jour|daily)",
              0.75, "argent facile", True),
        Entry(r"(?:dm|pm|inbox|message|text|contact|whatsapp|telegram|ecris|ecrivez|ecrivez-moi|contactez|"
              r"envoie|envoyez) (?:me|moi|-moi|en prive|en pv|en mp|privately|direct|on whatsapp|on telegram|"
              r"sur whatsapp|sur telegram|par whatsapp)|(?:dm|mp|pm) (?:me|moi|pour|for|to)|"
              r"whatsapp|telegram|wa\.me|t\.me|signal me|kik me|snap me|add me on", 0.65, "DM/WhatsApp", True),
        Entry(r"(?:check|checkout|visit|see|go to|click|clique|cliquez|visitez|allez voir|va voir|abonnez|"
              r"subscribe|follow) (?:out |sur |to |on )?(?:my|mon|ma|mes|our|notre|nos|the|le|ce|this)? ?"
              r"(?:channel|chaine|page|profile|profil|bio|link|lien|site|website|blog|shop|boutique|store|video|"
              r"onlyfans|insta|instagram|tiktok|youtube|account|compte)|link in (?:my )?bio|lien dans (?:ma )?bio|"
              r"sub4sub|follow4follow|f4f|l4l|subscribe to my|abonnez-vous a ma|check my|onlyfans|only fans|"
              r"hot singles|celibataires pres de chez|dating site|site de rencontre|18\+|xxx", 0.75,
              "auto-promotion", True),
        Entry(r"giveaway|give away|free iphone|iphone gratuit|free gift ?card|carte cadeau gratuite|gift card|"
              r"carte-cadeau gratuite|you(?:'ve| have)? won|vous avez gagne|tu as gagne|claim your|reclamez votre|"
              r"winner selected|gagnant selectionne|promo code|code promo|coupon code|discount code|\d+ ?% off|"
              r"limited offer|offre limitee|act now|agissez vite|cash app|cashapp|western union|moneygram|"
              r"loan offer|pret rapide|pret sans|credit repair|perte de poids|weight loss|lose \d+ ?(?:lbs|pounds|kg)|"
              r"perdre \d+ ?kg", 0.75, "concours/arnaque", True),
        Entry(r"(?:thanks to|thank you|merci a|grace a) (?:mr|mrs|ms|miss|dr|m\.|mme|madame|monsieur|expert|"
              r"coach|hacker|agent)|(?:account manager|gestionnaire de compte|expert trader|recovery expert|"
              r"hacked account|compte pirate|recover (?:your|my) (?:account|funds|crypto)|recuperer (?:votre|vos) "
              r"(?:compte|fonds))", 0.8, "témoignage d'arnaque", True),
        Entry(r"xurl", 0.35, "lien", True),
        Entry(r"(?:xurl.{0,80}){2,}", 0.6, "plusieurs liens", True),
        Entry(r"xemomoney", 0.35, "emoji argent", True),
    ],
    "complaint": [
        Entry(r"ca fait (?:\d+|une|deux|trois|quatre|cinq|dix|quinze|vingt|trente|plus de|pres de) ?"
              r"(?:\w+ )?(?:minutes|min|heures|h|jours|semaines|mois|ans|fois)|(?:j'attends|on attend|j'ai attendu|"
              r"on a attendu|j'attend|jattends|attente de|attendu \d+)|(?:been waiting|still waiting|waited|"
              r"waiting for|on hold for|on hold|have been waiting|wait time|\d+ ?(?:minutes|mins|hours|hrs|days|weeks)"
              r" (?:late|wait|delay|now|already|on hold|and still|later))", 0.6, "attente", True),
        Entry(r"(?:toujours|encore|again|always|every day|chaque jour|tous les jours|constamment|constantly|"
              r"once again|une fois de plus|encore une fois) (?:en )?(?:retard|late|delayed|annule|cancelled|"
              r"canceled|en panne|down|broken|brise|briser|ferme|closed|plein|full|sale|dirty|froid|cold|"
              r"pas la|not there|no show)|(?:en retard|late again|delayed again|retard de \d+|\d+ ?(?:min|minutes)"
              r" de retard)", 0.6, "retard/panne récurrente", True),
        Entry(r"inacceptable|unacceptable|inadmissible|honteux|honteuse|scandaleux|scandaleuse|scandale|"
              r"decu|decue|decus|decevant|decevante|deception|disappointed|disappointing|disappointment|"
              r"let down|pas content|pas contente|pas satisfait|insatisfait|unhappy|not happy|not impressed|"
              r"frustrant|frustrating|frustrated|frustre|fache|furieux|furious|angry|mad|pissed|fed up|"
              r"tanne|tannee|chu tanne|j'en ai marre|marre|ras le bol|ras-le-bol|plein le cul|sick of|tired of|"
              r"had enough|j'en ai assez|ca a pas d'allure|pas d'allure|ca n'a aucun sens|ca a aucun sens|"
              r"makes no sense|n'importe quoi|ridicule|ridiculous|absurde|absurd|lamentable|pitoyable|pathetic|"
              r"catastrophe|catastrophique|desastre|disaster|a joke|une blague|what a joke|shame on|honte a|"
              r"c'est abuse|abusé|pas normal|not ok|not okay|pas correct|pas acceptable", 0.6, "mécontentement", True),
        Entry(r"(?:ne |n')?(?:fonctionne|marche|marchent|fonctionnent|functions|works|work|loads|load|charge|"
              r"s'ouvre) (?:pas|plus|jamais)|(?:doesn'?t|does not|don'?t|do not|didn'?t|won'?t|isn'?t|can'?t) "
              r"(?:work|load|open|connect|log in|login|respond|answer|care|arrive|show)|not working|stopped working|"
              r"broken|brise|en panne|down again|out of order|hors service|hors d'usage|bug|bugs|buggy|bogue|"
              r"crash|crashes|crashed|freeze|freezes|erreur|error|glitch", 0.55, "panne/bug", True),
        Entry(r"rembours\w*|refund|refunds|refunded|charged twice|double charged|overcharged|preleve deux fois|"
              r"facture deux fois|factures deux fois|frais caches|hidden fees|fees|trop cher|overpriced|"
              r"hors de prix|way too expensive|arnaque|arnaques|arnaquer|ripoff|rip-off|rip off|scam|scammed|"
              r"du vol|robbery|daylight robbery|jamais recu|jamais eu|never received|never got|never arrived|"
              r"pas recu|not received|lost my|perdu mon|perdu ma|perdu mes|a perdu|lost our|still no|toujours pas|"
              r"toujours rien|aucune reponse|no response|no answer|personne ne repond|personne repond|nobody answers|"
              r"no one answers|no one (?:responds|replies|called)|aucun suivi|no follow up|annule|annulee|cancelled|"
              r"canceled|ferme sans|closed without", 0.55, "problème de service", True),
        Entry(r"(?:le |la |the )?(?:pire|worst)|nul|nulle|pourri|pourrie|mauvais|mauvaise|terrible|awful|horrible|"
              r"horrendous|atroce|execrable|degueulasse|degueu|infect|infecte|disgusting|gross|bad|poor|mediocre|"
              r"mediocre|useless|inutile|garbage|trash|sucks|suck|sucked|de la marde|de la merde|de marde|de merde|"
              r"pas bon|pas bonne|not good|no good|rude|impoli|impolie|bete comme ses pieds|froid|froide|cold|"
              r"raw|pas cuit|burnt|brule|sale|sales|dirty|malpropre|bonde|packed|crowded|slow|lent|lente|"
              r"long|longue|trop long|too long|lousy|crappy|shitty|fuck up|fucked up|screwed up|fait chier|"
              r"chiant|chiante|ecoeure|ecoeuree|ecoeurant de|do better|fix (?:it|this|your)|reglez|regler ca|"
              r"never again|plus jamais|last time|derniere fois|je change de|switching to|i'?m done|c'est fini",
              0.4, "négatif", True),
        Entry(r"xemoneg", 0.35, "emoji négatif", True),
        # Sarcasm: thanks/bravo for something bad
        Entry(r"(?:merci|thanks|thank you|bravo|great job|good job|well done|nice job|wow|felicitations|"
              r"chapeau|love|j'adore|gotta love|j'aime) (?:encore )?(?:pour|for|de|d'|how|comment|when|quand)? ?"
              r"(?:rien|nothing|le retard|the delay|the wait|l'attente|losing|perdre|perdu|avoir perdu|"
              r"annuler|cancelling|canceling|waiting|attendre|le service|another|un autre|une autre|encore|"
              r"again|(?:\w+ ){0,4}(?:retard|late|delay|attente|wait|cancel|annul|panne|broken|lost|perdu|"
              r"frais|fees|bug|crash))", 0.7, "sarcasme", True),
        Entry(r"(?:yeah right|ouais c'est ca|mets-en|ben oui toujours|comme d'habitude|as usual|as always|"
              r"comme toujours|what else is new|quelle surprise|surprise surprise|classic|classique) ", 0.4,
              "sarcasme (marqueur)", True),
    ],
    "question": [
        Entry(r"^(?:comment|combien|quand|ou|pourquoi|est-ce|est ce|estce|quel|quelle|quels|quelles|qui|"
              r"y a-t-il|y'a-t-il|y a t il|y'a tu|ya tu|y a tu|avez-vous|avez vous|pouvez-vous|pouvez vous|"
              r"peut-on|peut on|puis-je|puis je|sauriez-vous|savez-vous|savez vous|c'est-tu|c'est tu|est-il|"
              r"est-elle|serait-il|faut-il|dois-je|doit-on|on peut-tu|je peux-tu|vous etes-tu|ca marche-tu|"
              r"how|when|where|what|which|who|whom|why|can|could|would|will|do|does|did|is|are|was|were|"
              r"should|shall|may|might|has|have|any|anyone|anybody|hello,? (?:how|can|is|do|does|when|what))\b",
              0.45, "tournure interrogative", True),
        Entry(r"(?:est-ce que|est-ce qu'|est ce que|savez-vous|pouvez-vous|j'aimerais savoir|je voudrais savoir|"
              r"je me demandais|je me demande|any idea|anyone know|does anyone|do you know|i was wondering|"
              r"wondering if|is it possible|est-il possible|c'est possible de|is there|are there|y a-t-il|"
              r"y'a-tu|ya-tu|y a-tu|-tu |can i|can we|could i|could you|can you|do you|do i|how do|how can|"
              r"how much|how long|what time|what are|what is|quelle heure|a quelle heure|quels sont|quel est|"
              r"combien de|combien ca|combien coute|comment faire|comment on|comment je|comment puis|"
              r"ou est-ce|ou puis|ou peut|where can|where is|when is|when will|when does|quand est-ce|quand est|"
              r"des infos|more info|plus d'info|info svp|info please|infos svp|quelqu'un sait|someone knows|"
              r"please advise|merci de me dire|let me know|faites-moi savoir|tell me)", 0.55, "demande d'information",
              True),
        Entry(r"\?", 0.35, "point d'interrogation", True),
        Entry(r"(?:horaire|horaires|hours|schedule|ouvert|open|ouverture|opening|ferme a|close at|closing|"
              r"inscription|inscriptions|admission|admissions|registration|apply|application|postuler|date limite|"
              r"deadline|prix|price|tarif|tarifs|cost|frais de scolarite|tuition|disponible|available|en stock|"
              r"in stock|reservation|book|booking|reserver|menu|allergie|allergy|gluten|vegan|stationnement|"
              r"parking|adresse|address|numero|number|lien|link|formulaire|form|compte|account|carte|card|"
              r"horaire d'ete|trajet|route|ligne|line)", 0.15, "sujet pratique", True),
    ],
    "praise": [
        Entry(r"merci|mercii|mercis|thanks|thank you|thank u|thx|ty|tysm|bravo|felicitations|felicitation|"
              r"congrats|congratulations|kudos|chapeau|shoutout|shout out|props|hats off", 0.5, "remerciement", True),
        Entry(r"super|genial|geniale|excellent|excellente|parfait|parfaite|magnifique|magnifiques|incroyable|"
              r"formidable|fantastique|extraordinaire|merveilleux|merveilleuse|sublime|top|au top|trop bon|"
              r"trop bonne|tellement bon|tellement bonne|vraiment bon|vraiment bonne|delicieux|delicieuse|"
              r"savoureux|succulent|j'adore|adore|j'ai adore|on adore|adorable|sympa|sympathique|gentil|gentille|"
              r"gentils|aimable|serviable|accueillant|accueillante|chaleureux|professionnel|professionnelle|"
              r"rapide|efficace|impeccable|nickel|je recommande|recommande|a recommander|le meilleur|la meilleure|"
              r"les meilleurs|meilleur|capote|malade|debile de bon|ecoeurant|full bon|full bonne|hot|chill|"
              r"le fun|l'fun|trop fun|tellement fun|hate de|trop hate|tellement hate|bien joue|beau travail|"
              r"bon travail|bonne job|belle job|lachez pas|continuez|fier|fiere|fiers|bijou|pepite|coup de coeur|"
              r"great|awesome|amazing|love|loved|loving|lovely|best|excellent|fantastic|wonderful|perfect|"
              r"brilliant|outstanding|superb|delicious|tasty|yummy|friendly|helpful|nice|sweet|beautiful|"
              r"gorgeous|stunning|impressive|incredible|recommend|highly recommend|well done|keep it up|"
              r"keep up the good work|good job|great job|nice job|proud|can'?t wait|cant wait|so excited|"
              r"10/10|5 stars|five stars|5/5|goat|slaps|banger|legend|legendary|the best|a\+",
              0.5, "compliment", True),
        # Quebec sacre or English swear as a praise intensifier: "c'est tabarnak de bon", "esti que c'est bon"
        Entry(r"(?:tabarnak|tabarnac|ostie|osti|esti|estie|hostie|crisse|criss|calisse|caliss|sacrament|ciboire|"
              r"maudit|mautadit|fucking|full|vraiment|tellement) (?:de |d')?(?:bon|bonne|bons|bonnes|beau|belle|"
              r"beaux|fun|malade|capotant)|(?:que|qu') ?c'(?:est|etait) (?:donc )?(?:bon|beau|fun|malade)",
              0.6, "compliment intensifié", True),
        Entry(r"xemopos", 0.4, "emoji positif", True),
    ],
}

# Insult alternations used inside patterns ({INSFR}, {INSEN}); longest first so "con" doesn't eat "connard".
MACROS["INSFR"] = "(?:" + "|".join(sorted(set(INSULT_NOUNS_FR), key=len, reverse=True)) + ")"
MACROS["INSEN"] = "(?:" + "|".join(sorted(set(INSULT_NOUNS_EN), key=len, reverse=True)) + ")"
MACROS["INSENX"] = (
    "(?:" + "|".join(sorted(set(INSULT_NOUNS_EN) | set(INSULT_NOUNS_EN_AMBIGUOUS), key=len, reverse=True)) + ")"
)

# Cues that a swear word is aimed at a person rather than used for emphasis.
TARGET_CUES = (
    r"(?:{TU}|{YOU}|you|u|toi|vous|xmention|bande de|gang de|bunch of)"
)

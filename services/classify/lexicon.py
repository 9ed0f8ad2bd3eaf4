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
    # French threat subjects: France ("je vais"), Quebec ("m'as", "j'vas", "chu pour"), plural.
    "FRSUBJ": r"(?:je vais|j'vais|jvais|j'vas|jvas|je vas|je m'en vais|j'm'en vais|j'men vais|je m'en vas|"
    r"j'm'en vas|j'men vas|jm'en vas|m'as|m'a|mas|"
    r"chu pour|je suis pour|on va|on vas|on s'en va|nous allons|ils vont|je peux|je veux|j'veux|je pourrais|"
    r"je te jure que je vais|j'?te jure que j'?vais|la prochaine fois je vais|je m'en viens)",
    # End of a clause: what may follow a verb that is a threat only when it has no object of its own.
    "FREND": r"(?=\s*(?:$|[.,!;:…?)]|et |pis |mon |ma |sale |esti|ostie|osti|criss|calis|tabarn|ciboir|"
    r"dehors|a la sortie|apres|chez |devant |au parking|sur le parking|dans le stationnement|un jour|"
    r"bientot|crois|tu vas|vous allez|tu verras|je te|je vous|xem|xmention))",
    "KILLV": r"(?:tuer|buter|crever|egorger|planter|fumer|flinguer|descendre|defoncer|massacrer|exploser|"
    r"etrangler|abattre|eliminer|poignarder|tirer dessus|faire la peau|faire la fete|faire ta fete|"
    r"casser la gueule|casser la yeule|casser la face|casser les dents|casser les jambes|casser les deux jambes|"
    r"peter la gueule|peter la yeule|peter la face|peter les dents|peter la fiole|peter les jambes|"
    r"defoncer la gueule|defoncer la face|arracher la tete|fendre la face|briser les jambes|"
    r"arranger le portrait|refaire le portrait|regler ton compte|regler son compte|regler votre compte|"
    r"faire payer(?! (?:les|des|le|la|un|une|du|\d))|faire mal|frapper|cogner|tabasser|battre|saigner|"
    r"eventrer|pendre|noyer|ecraser|etriper|bruler|ramasser|tirer une balle|mettre une balle|"
    r"crever les pneus|crisser une volee|sacrer une volee|calisser une volee|donner une volee|"
    r"mettre une volee|sacrer une claque|crisser une claque)",
    # English threat subjects (first person, "someone should", "let's"...).
    "ENSUBJ": r"(?:i'?ll|i will|i'?m gonna|im gonna|i am gonna|i'?m going to|im going to|i am going to|"
    r"i'?m about to|im about to|we'?ll|we will|we'?re gonna|we are gonna|we'?re going to|we are going to|"
    r"gonna|going to|i wanna|i want to|imma|ima|i'?d love to|i swear i'?ll|i swear to god i'?ll|i could|"
    r"let'?s|someone should|somebody should|someone needs to|somebody needs to|someone oughta|"
    r"someone ought to|they should|we should|i should|i might|i may|i'?d like to|next time i'?ll|"
    r"i'?m coming to|im coming to|i'?m gonna come|i'?ll come|i will come)",
    "ENADV": r"(?:(?:just|really|fucking|literally|personally|gladly|totally|seriously|actually|come|go|"
    r"come over and|come down and|come back and|go down there and|find out who you are and|"
    r"then|and|back|over|there and|down there and|(?:find|catch|get|grab|track down|hunt down|wait for) "
    r"(?:\w+ ){1,3}and) )+",
    # Violent verbs that are a threat with any person or place as object ("kill", "stab", "hurt"...).
    "KILLE": r"(?:kill|murder|hurt|shoot|stab|strangle|choke|beat up|slaughter|butcher|punch|rape|shank|"
    r"end|bury|destroy|assault|attack|poison|drown|behead|lynch|run over|knock out|curb stomp|gut|skin|"
    r"torch|bomb|firebomb|smash|slit|cut|beat|"
    r"hit(?! (?:up |(?:the|your|ur|this|that|their) (?:\w+ )?(?:store|stores|shop|shops|mall|sale|sales|"
    r"location|restaurant|branch|outlet)\b))|slap|break|murk|smoke|jump|pistol whip|maim|cripple)",
    # Who a threat is aimed at: a person (or staff, a place) — not "a replacement" or "your order".
    "PERSON": r"(?:you|u|ya|yall|y'all|you all|you guys|him|her|them|everyone|everybody|all of you|"
    r"every (?:last |single )?(?:one|person)(?: of you)?|whoever|anyone|anybody|"
    r"(?:the|that|this|your|ur|his|their|those|these|every|each|the next|whatever|some) (?:\w+ )?"
    r"(?:manager|managers|owner|owners|ceo|boss|cashier|cashiers|clerk|clerks|driver|drivers|employee|"
    r"employees|staff|worker|workers|rep|reps|agent|agents|guy|guys|girl|girls|lady|woman|man|dude|idiot|"
    r"idiots|moron|morons|bitch|bitches|bastard|bastards|waiter|waitress|server|cook|security guard|guard|"
    r"receptionist|teller|tech|technician|person|people|family|kids|wife|husband|team|crew|courier|mailman|"
    r"delivery guy|store|place|shop|building|office|branch|restaurant|warehouse|house|home|car|location|"
    r"business|company|headquarters|one|rep who|bitch who|asshole|assholes|fucker|fuckers|supervisor|"
    r"director|president|founder|support guy|support agent|operator|pharmacist|doctor|nurse|teacher)s?)"
    r"(?! (?:an?|some|the) (?:email|e-mail|message|text|note|line|dm|call|quote|refund|replacement|coupon))",
    # What may follow a verb that is a threat only when it ends the clause ("I'll find you.").
    "ENEND": r"(?=\s*(?:$|[.,!;:…?)]|and |& |outside|after|when|at |in (?:the|your|ur)|one day|soon|"
    r"tonight|tomorrow|later|i swear|trust|bitch|mother|asshole|you (?:little|piece|fucking|bitch)|mark my|"
    r"just wait|wait and|watch|like|xem|xmention|where|wherever|no matter|i promise|i guarantee|"
    r"i'?m not|believe|count on))",
    # Implements that turn "on va passer" or "I've got" into a threat (a child's bat bought online names no
    # one and is brought nowhere: the patterns using these also need a target or a visit).
    "WEAPFR": r"(?:batons? de (?:baseball|hockey)|battes?(?: de baseball)?|bats? de baseball|barres? de fer|"
    r"pied de biche|pied-de-biche|couteaux?|machettes?|haches?|fusils?|guns?|armes?|pistolets?|carabines?|"
    r"calibre|chaines?|poing americain|tuyaux?|marteaux?|batons|bats)",
    "WEAPEN": r"(?:crowbar|tire iron|baseball bat|bat|bats|knife|knives|machete|gun|guns|pistol|rifle|shotgun|"
    r"glock|axe|hatchet|hammer|lead pipe|pipe|brass knuckles|switchblade|blade)",
    # Protected groups, as they are named in attacks (plural mostly; FR and EN).
    "GROUP": r"(?:(?:les |the |all |ces |those |these |des |tous les |toutes les )?(?:arabes|noirs|noires|juifs|"
    r"juives|musulmans|musulmanes|immigres|immigrants|immigrantes|etrangers|refugies|migrants|gays|gais|homos|"
    r"lesbiennes|trans|transgenres|femmes|filles|autochtones|indiens|amerindiens|africains|haitiens|mexicains|"
    r"chinois|asiatiques|handicapes|musulmans|muslims|jews|arabs|blacks|black people|refugees|lesbians|"
    r"trans people|transgenders|women|females|girls|mexicans|indians|natives|asians|chinese|foreigners|"
    r"disabled people|the disabled|gay people|gays|queers|immigrants|migrants|latinos|hispanics|"
    r"africans|haitians|christians|chretiens|hindous|hindus|sikhs|roms|gitans|gypsies|autistes|trisomiques|"
    r"personnes autistes|enfants autistes|handicapes mentaux|autistic people|autistic kids|autistic children|"
    r"autistic adults|autistics|autists|people with down syndrome|kids with down syndrome))",
    # Someone else's phone or address: third person, or a call to contact them.
    "PHONECTX": r"(?:son numero|son num|son cell|son tel|sa ligne|his number|her number|their number|his cell|"
    r"her cell|his phone|her phone|numero de (?:la|le|cette|ce|l')|number of (?:the|that|this)|"
    r"appelez[- ]l[ae](?! ?xphone)|call him|call her|text him|text her|harcelez|harass|spam (?:him|her)|"
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
        # --- French, direct: subject + (aller/venir) + object pronoun + violent verb --------------------
        # "je vais te tuer", "m'as te péter la yeule", "j'vas y arranger le portrait", "on va vous buter"
        Entry(r"{FRSUBJ} (?:(?:aller|venir|revenir|passer|m'en aller) )?(?:te|vous|le|la|les|lui|leur|y|t'|l') ?"
              r"{KILLV}", 0.92, "menace directe (fr)", True),
        # damage to someone's belongings or place: "je vais défoncer ta voiture", "m'as péter tes vitres"
        Entry(r"{FRSUBJ} (?:(?:aller|venir|revenir) )?(?:defoncer|scrapper|scraper|casser|briser|fracasser|"
              r"vandaliser|saccager|crever|rayer|peter|tout peter|tout casser) (?:ta|ton|tes|votre|vos|le|la|les|"
              r"ce|cette|ces) (?:\w+ )?(?:voiture|char|auto|vitres?|vitrines?|pneus|magasin|boutique|commerce|"
              r"bureau|maison|face|gueule|yeule|tete|local|place|succursale|camion|truck|bazar)", 0.88,
              "menace: dégâts (fr)", True),
        # verb first, victim after: "je vais casser la gueule au gérant", "m'as péter la face du livreur"
        Entry(r"{FRSUBJ} (?:(?:aller|venir|revenir) )?(?:casser|peter|defoncer|arranger|refaire|arracher|"
              r"fendre|briser) (?:la gueule|la yeule|la face|les dents|le portrait|les jambes|la tete|le crane)"
              r" (?:a|au|aux|de|du|des|d')", 0.9, "menace directe (fr)", True),
        # "je vais te trouver" / "on va vous retrouver" are threats only when nothing is being found *for*
        # the customer ("je vais vous trouver une solution"): the verb must end the clause.
        Entry(r"{FRSUBJ} (?:(?:aller|venir) )?(?:te|t'|vous) ?(?:re)?(?:trouver|pogner|attendre|chercher)"
              r"{FREND}", 0.85, "menace: va te trouver", True),
        # "tu vas manger une volée", "je vais t'en mettre une", "m'as t'en sacrer une"
        Entry(r"(?:tu vas|tu va|vous allez|t'?vas) (?:te )?(?:manger|recevoir|prendre|pogner|avoir|en manger) "
              r"(?:toute |une |un |ma |mon )?(?:\w+ (?:de |d')?)?(?:volee|raclee|claque|baffe|beigne|mandale|"
              r"torgnole|rince|taloche|droite|coup de poing|coups|balle|pelle|poing|correction)|"
              r"{FRSUBJ} (?:te|t'|vous|lui|y) ?(?:en )?(?:sacrer|crisser|calisser|mettre|coller|foutre|donner|"
              r"en mettre|en sacrer|en coller|en crisser|en calisser|en foutre) (?:une|un|mon|ma)\b(?! (?:minute|"
              r"seconde|bonne note|etoile|chance|idee|offre|reponse|chose))", 0.88, "menace de coups (fr)",
              True),
        # --- French, veiled and conditional --------------------------------------------------------
        Entry(r"(?:je sais|j'sais|jsais|on sait|je connais|j'connais|on connait|(?:des amis|des chums|du monde|"
              r"des gars|des potes|des contacts|des cousins|mes chums|mes amis|mes gars) qui (?:savent|sait|"
              r"connaissent|connait)) (?:ou|l'endroit ou|a quelle heure|quand) "
              r"(?:tu|vous|il|elle|ils|t'|ton|ta|tes|votre|vos|ton \w+|votre \w+|le \w+|la \w+) ?(?:\w+ )?"
              r"(?:travailles?|travaillez|travaillent|habites?|habitez|habitent|restes?|restez|vis|vit|vivez|"
              r"dors|dort|stationnes?|parkes?|finis|finit|finissez|sors|sort|sortez|commences?|pars|part|"
              r"rentres?|rentrez|va a l'ecole|vont a l'ecole)", 0.92, "menace voilée: sait où", True),
        Entry(r"(?:je sais|on sait|je connais|on connait) ou (?:habite|habitent|travaille|travaillent|reste|"
              r"restent|vit|vivent|dort|dorment|stationne|parke) (?:ton|ta|tes|votre|vos|le|la|les|l'|son|sa|ses)"
              r"|(?:je|j'|on|m'as|je vais|j'vais|on va) ?(?:t'|te |vous )(?:attends|attend|attendrai|attendra|"
              r"attendre|guette|guetterai) (?:dehors|a la sortie|au parking|sur le parking|dans le stationnement|"
              r"dans le parking|apres (?:ta|ton|la|le|votre)|en bas|au coin|chez (?:toi|vous)|devant|a la fin)",
              0.88, "menace voilée: sait où / t'attend dehors", True),
        Entry(r"(?:je |j'|j|on |(?:des amis|des chums|du monde|des gars|des potes|mes chums|mes amis) qui )"
              r"(?:connais|sais|connait|connaissent|savent) (?:ton|ta|tes|votre|vos|son|sa|l'adresse (?:du|de la|"
              r"de|d')) ?(?:adresse|char|auto|voiture|nom|"
              r"horaire|horaires|shift|quart|plaque|maison|blonde|femme|mari|chum|enfants|kids|famille|"
              r"ecole|livreur|gerant|gerante|caissier|caissiere|chauffeur|vendeur|vendeuse|employe|employee|"
              r"patron|boss|proprio|job|travail|rue|quartier|fils|fille|mere|pere)", 0.85,
              "menace voilée: connaît l'adresse", True),
        Entry(r"(?:tu vas|vous allez|tu vas le|vous allez le|il va le|tu va|t'?vas) (?:le )?(?:regretter|"
              r"voir ce qui)|(?:tu vas|vous allez|tu va|il va|ils vont) (?:me )?(?:le )?payer(?:{FREND}|"
              r" (?:cher|pour (?:ca|ce|tout)|ca))|(?:tu vas|vous allez|tu va) me le payer", 0.85,
              "menace voilée: vous allez le regretter", True),
        Entry(r"(?:fais|faites|fait) (?:bien |tres )?(?:attention|gaffe) (?:a toi|a vous(?! (?:les|des|aux|\w+ez))|"
              r"a (?:tes|vos|ta|ton|votre) (?:arrieres|enfants|kids|famille|fesses|blonde|femme|mari|char|auto|"
              r"voiture|dos|gueule|yeule|os|jambes|employes|vitres|vitrines)|en sortant|en rentrant|ce soir|"
              r"quand tu|la prochaine)|(?:t'es|tu es|vous etes|t'?serais) mieux (?:de|d') (?:faire attention|"
              r"surveiller|te cacher|pas sortir|jamais revenir)|tu ferais mieux de (?:faire attention|"
              r"surveiller|te cacher)|prends garde a toi|prenez garde", 0.8,
              "menace voilée: fais attention à toi", True),
        Entry(r"(?:surveille|surveillez|watch|watche) (?:bien |ben )?(?:tes|vos|ton|ta|votre) (?:arrieres|"
              r"enfants|char|auto|voiture|dos|famille|blonde|fesses)|surveille-toi|surveillez-vous", 0.9,
              "menace voilée: surveille tes arrières", True),
        Entry(r"(?:a ta place|a votre place|si j'etais (?:toi|vous)|si j'etais a ta place)[ ,]*(?:je|j')"
              r"(?: \w+){0,3} (?:attention|gaffe|prudent|prudente|sortirais|sortirai|promenerais|"
              r"surveillerais|inquieterais|demenagerais|cacherais)", 0.85,
              "menace voilée: à ta place je ferais attention", True),
        Entry(r"(?:tes|vos) jours sont comptes|gare a (?:toi|vous)|ca va mal finir pour (?:toi|vous)|"
              r"tu (?:vas|va) (?:passer un mauvais quart|avoir affaire a moi)|attends?-toi a (?:recevoir|une visite)|"
              r"(?:tu|vous) (?:ne )?(?:perds|perdez) rien pour attendre|un accident (?:est|c'est) (?:si |vite |"
              r"tellement )*(?:vite )?arrive|(?:tu|vous) (?:ne )?(?:sais|savez) pas (?:a qui|qui) (?:tu as|t'as|"
              r"vous avez) affaire|on va s'occuper de (?:toi|vous|ton cas|lui|elle)|je vais m'occuper de "
              r"(?:toi|ton cas|vous|lui|elle)(?:{FREND})|(?:tu|vous) (?:vas|allez|va) (?:le )?sentir passer|"
              r"tu vas saigner|vous allez saigner|t'as (?:des enfants|une famille)|pense a (?:ta famille|"
              r"tes enfants|tes kids)|ta famille (?:est|sera) pas en securite", 0.85, "menace voilée (fr)", True),
        # "on se reverra" ends a clause as a warning; "on se reverra l'an prochain au festival" does not
        # (legal action is a complaint: "on se reverra devant le juge / aux petites créances")
        Entry(r"on (?:se |va se )(?:reverra|revoir|recroisera|recroiser|reparlera|reparle)(?:{FREND})"
              r"(?! (?:en|a la|au|aux|devant)(?: le| la| les)? (?:cour|tribunal|juge|petites creances))", 0.75,
              "menace voilée: on se reverra", True),
        Entry(r"(?:t'es|tes|t'e|tu es|vous etes|t'est) (?:un homme |une femme |une personne )?"
              r"(?:mort|morte|morts|mortes)(?! (?:de|d'))(?:{FREND})", 0.8, "menace: t'es mort", True),
        # Bad things "happening" to a place or a person, the mafia way
        Entry(r"(?:dommage|plate|triste|bete|con|malheureux) (?:\w+ ){0,3}(?:s'il|qu'il|si|que) "
              r"(?:\w+ ){0,2}(?:arrive|arrivait|arriverait|arrivé|arrive) (?:\w+ ){0,1}(?:quelque chose|de quoi|"
              r"qqch|malheur|un accident|un malheur)|il (?:pourrait|peut) (?:vite )?(?:arriver|t'arriver|"
              r"vous arriver) (?:quelque chose|un accident|un malheur|de quoi)", 0.85,
              "menace voilée: s'il arrivait quelque chose", True),
        # Weapons, fire and bombs
        Entry(r"{FRSUBJ} (?:(?:tout|aller|venir|revenir) )?(?:faire sauter|faire exploser|bruler|mettre le feu|"
              r"sacrer le feu|crisser le feu|foutre le feu|incendier|tirer sur|tirer dans|cramer|saccager|"
              r"tout casser|casser (?:vos|tes|les) vitres)(?! des calories| de l'energie| la chandelle)|"
              r"(?:je|j'|m'as|on|nous)(?: \w+){0,3} (?:venir|revenir|passer|arriver|reviens|viens|arrive|reviendrai|"
              r"viendrai|repasse|rentre) (?:\w+ ){0,2}avec (?:mon|ma|mes|un|une|des|le|la) ?(?:\w+ )?(?:fusil|gun|"
              r"arme|armes|pistolet|calibre|carabine|couteau|machette|hache|batte|bat|bat de baseball|"
              r"molotov|cocktail molotov|explosifs|bidon d'essence|essence|12)|j'ai (?:encore |toujours )?(?:un|une|des|"
              r"mon|ma) (?:fusil|gun|arme|armes|pistolet|carabine|calibre|12 (?:dans|a|au|chez))", 0.92,
              "menace: arme/incendie", True),
        # Quebec: "j'la ramasse dans le stationnement", "j'le pogne à la sortie" (present for future).
        Entry(r"(?:je|j'|j|m'as|on) ?(?:la|le|l'|les) ?(?:ramasse|ramasserai|pogne|poignerai|attends|attend|"
              r"attendrai|guette) (?:\w+ )?(?:dans le stationnement|dehors|a la sortie|apres (?:sa|la|son|le) "
              r"(?:shift|job|travail|quart)|en bas|au coin|dans le parking|sur le parking)", 0.85,
              "menace: l'attend/le ramasse (fr)", True),
        Entry(r"(?:brul|incendi|cram|saccag|vandalis|fair(?:e|ai|a) sauter |fair(?:e|ai|a) exploser |"
              r"(?:mett(?:re|e|ent|rai)|fout(?:re|e|ent)|sacr(?:er|e)|criss(?:er|e)|caliss(?:er|e)) le feu (?:a|dans) )"
              r"\w*(?: (?:votre|vos|ton|ta|tes|ce|cette|ces|le|la|les|leur|leurs|l'|au|a la|aux))? ?(?:\w+ )?"
              r"(?:magasin|magasins|succursale|boutique|commerce|bureau|bureaux|agence|batisse|batiment|"
              r"immeuble|usine|entrepot|restaurant|resto|garage|siege|siege social|local|place|shop|char|"
              r"voiture|auto|maison|vitrine|depanneur|epicerie|banque|station|gare|ecole|hopital|caisse|"
              r"compagnie|entreprise|centre|clinique|mcdo|mairie|hotel de ville|concession|depot)|(?:magasin|succursale|boutique|commerce|bureau|agence|"
              r"batisse|usine|entrepot|restaurant|resto|garage|place|maison|vitrine|depanneur|char) "
              r"(?:\w+ ){0,3}(?:va|vont|pourrait|pourraient|risque|risquent) (?:de )?(?:passer au feu|bruler|"
              r"sauter|flamber|exploser|partir en fumee)", 0.88, "menace: incendie d'un lieu", True),
        # "Une bombe ce kebab" is praise (slang) and "l'alerte à la bombe" news: a bomb is a threat when
        # someone brings, plants or sends it somewhere.
        Entry(r"(?:une balle dans|un couteau dans|(?:poser|mettre|placer|lancer|envoyer|amener|apporter|"
              r"faire sauter|faire peter|avec) une bombe|une bombe (?:dans|sous|sur|a|au|devant|chez|pour|tombe|tomber|tombait|explose|exploser|"
              r"saute|sauter)|bombe dans)",
              0.8, "menace: arme", True),
        # Wishes of death and incitement
        Entry(r"(?:va|vas|allez) (?:donc )?(?:mourir|crever)(?! (?:de|d') (?:rire|faim|soif|fatigue|ennui|chaud|froid|"
              r"honte|peur|envie|impatience))|^creve(?:z)?(?:{FREND})|creve(?:z)? (?:donc|sale|"
              r"en enfer|toi|mon|ma|esti|ostie|criss|tabarn|calis)|(?:tu|vous) merit(?:es|ez|e) de (?:mourir|crever|"
              r"te faire tuer|vous faire tuer|souffrir|bruler)|(?:j'espere|j'souhaite|je souhaite|j'espere juste|"
              r"je veux|je prie) (?:que |qu')(?:\w+ ){0,4}(?:creve|crevent|creves|crevez|meure|meurent|meures|"
              r"mourrez|mourra|mourras|vas mourir|va mourir|allez mourir|ait un accident|aies un accident|"
              r"se fasse (?:tuer|ecraser|frapper|violer|buter)|te fasses (?:tuer|ecraser|frapper|violer|buter)|"
              r"brule|brulent|pourrisse|souffre|souffrent)", 0.88, "souhait de mort", True),
        Entry(r"(?:quelqu'un|qn|quelqu'un d'autre) (?:devrait|va|doit|faudrait) (?!se |s')(?:\w+ ){0,2}(?:tuer|"
              r"buter|frapper|descendre|casser|bruler|tirer|faire sauter|mettre le feu|foutre le feu|crisser le feu|"
              r"poignarder|tabasser|pendre|abattre|flinguer|cramer)|(?:faudrait|faut|il faut|il faudrait) (?:que|qu') ?"
              r"(?:quelqu'un|qn|on|quelqu'un d'autre) (?:\w+ )?(?:foute|mette|crisse|sacre|calisse) le feu|"
              r"(?:faudrait|faut|il faut|il faudrait) (?:que quelqu'un )?(?:les|le|la|lui|leur) ?(?:tuer|pendre|"
              r"fusiller|bruler|abattre|gazer|tabasser|buter|flinguer|descendre|tirer dessus)|"
              r"(?:patron|gerant|gerante|pdg|boss|proprio|proprietaire|directeur|directrice|caissier|caissiere|"
              r"livreur|chauffeur|employe|employes|ministre) (?:\w+ ){0,2}(?:devrait|devraient|merite|meritent|"
              r"mériterait) (?:de )?(?:se faire|etre) (?:tirer dessus|tuer|abattre|pendre|fusiller|battre|"
              r"tabasser|bruler|buter|descendre|ecraser)", 0.88, "incitation à la violence", True),
        # --- French/Quebec intimidation without a kill verb (v4: "j'm'en vas le brasser", baseball bats,
        # slashed tyres, friends sent, "il ne s'en relèvera pas"). Each needs a target and a harm, so that
        # "j'vas brasser la cage du service client" or "je vais casser ma tirelire" stay complaints/praise.
        # To "you": harm verbs that are not kill verbs ("je vais te brasser", "m'as te faire regretter").
        Entry(r"{FRSUBJ} (?:(?:aller|venir|revenir|passer) )?(?:te |t'|vous )(?:brasser(?! la cage)|"
              r"faire regretter|apprendre (?:le respect|a vivre|les bonnes manieres|la politesse)|montrer (?:c'est "
              r"qui le boss|qui est le boss|de quel bois)|donner une (?:bonne )?lecon|faire passer l'envie|"
              r"regler (?:ton|votre) cas)", 0.88, "intimidation (fr)", True),
        # To a third person only when the clause stops there or is stressed ("j'm'en vas le brasser
        # solide"): "je vais le brasser avant de le boire" is a bottle.
        Entry(r"{FRSUBJ} (?:(?:aller|venir|revenir|passer) )?(?:le |la |les |l'|lui )(?:brasser(?! la cage)|"
              r"faire regretter|regler son cas)(?: (?:solide|comme (?:il )?faut|un peu|un coup|pour de vrai|"
              r"moi-meme)|{FREND})", 0.85, "intimidation (fr)", True),
        Entry(r"{FRSUBJ}[^.!?]{0,60} a (?:grands )?coups? de (?:poings?|pieds?|battes?|batons?|bats?|hache|"
              r"couteau|marteau|pelle|masse|barre de fer|tete|crosse|chaine)", 0.88, "menace de coups (fr)", True),
        # Harm befalling "you" or staff, passive: "tu vas te faire casser la gueule", "ta caissière a besoin
        # de se faire casser la gueule" (not "me faire": "je vais me faire chicaner").
        Entry(r"(?:vas|va|allez|vont|besoin de|merite de|meritent de|meriterait de|meriteraient de|devrait|"
              r"devraient|risques? de|risquez de|pourrais|pourrait) (?:te|se|vous) faire (?:casser|peter|defoncer|"
              r"refaire|tabasser|planter|buter|tuer|descendre|brasser|battre|frapper|cogner|fracasser|fendre|"
              r"crever|arranger le portrait|ecraser|poignarder|tirer dessus)(?! (?:une|un) (?:coche|idee|opinion))",
              0.85, "menace: va se faire frapper", True),
        Entry(r"(?:tu vas|tu va|t'?vas|vous allez|il va|elle va|y va|ils vont) (?:finir|te retrouver|vous retrouver|"
              r"se retrouver|aboutir) (?:a l'hopital|a l'hosto|aux urgences|dans le coma|en chaise roulante|"
              r"six pieds sous terre|dans un fosse|dans le fleuve|dans le coffre)|(?:envoyer|mettre|placer) "
              r"(?:\w+ ){0,3}(?:a l'hopital|aux urgences|dans le coma|six pieds sous terre)", 0.88,
              "menace: à l'hôpital", True),
        # Property of the person: slashed tyres, keyed car
        Entry(r"(?:te|vous|se) (?:reveiller|retrouver) avec (?:des|tes|vos|ses|les) (?:pneus|vitres|fenetres|"
              r"vitrines|freins) (?:creves|coupes|petes|casses|cassees|brises|brisees|a plat|defonces)|"
              r"(?:crever|couper|taillader|percer|rayer|scrapper|peter|slasher) (?:tes|vos|ses|ton|son|votre|sa|ta) "
              r"(?:\w+ )?(?:pneus|freins|char|vitres|auto|voiture|truck|camion|pick-up)|(?:tes|vos|ses) pneus "
              r"(?:vont|risquent|pourraient) (?:\w+ )?(?:etre )?(?:creves|crever|se faire)", 0.85,
              "menace: dégâts au véhicule", True),
        # Weapons brought along ("on va faire un tour à ta succursale avec des bâtons de baseball") or
        # kept ready for someone; a bat bought for a child names no one and brings it nowhere.
        Entry(r"(?:{FRSUBJ}|(?:mes|nos) (?:chums|potes|gars|amis|cousins|freres) (?:vont|va))[^.!?]{0,60} avec "
              r"(?:des|un|une|mon|ma|mes|nos|le|la|les|deux|trois) (?:\w+ )?(?:{WEAPFR})|j'ai (?:un|une|mon|ma|des|"
              r"mes|toujours un|toujours une) (?:\w+ )?(?:{WEAPFR})[^.!?]{0,80}?(?:(?<![a-z])(?:ton|ta|tes|votre|"
              r"vos|te|toi|vous|gerant|gerante|caissier|caissiere|livreur|vendeur|vendeuse|responsable|patron|"
              r"boss|directeur|directrice|employes?)(?![a-z])|(?<![a-z])t')", 0.88, "menace: arme (fr)", True),
        # Waiting for a third person: "j'vas l'attendre après sa shift"
        Entry(r"{FRSUBJ} (?:(?:aller|revenir) )?(?:l'|le |la |les |lui )?(?:attendre|guetter|pogner|coincer|"
              r"retrouver) (?:dehors|a la sortie|au parking|sur le parking|dans le stationnement|dans le parking|"
              r"apres (?:sa|son|ta|ton|leur|la|le) (?:shift|quart|job|travail|journee|service)|en bas de chez|"
              r"devant chez|chez (?:lui|elle|eux|toi|vous)|a (?:sa|ta|leur) sortie|pres de (?:son|sa|ton|ta) "
              r"(?:char|auto|voiture|truck))|(?:attends?|attendez) (?:que|qu') (?:je|j'|on|mes \w+) (?:te |t'|vous |"
              r"le |la |l')(?:pogne|poigne|trouve|retrouve|croise|recroise|attrape|coince)", 0.88,
              "menace voilée: va l'attendre", True),
        # Friends sent: "mes chums vont passer te voir", "mes chums vont s'occuper de toi"
        Entry(r"(?:mes|nos) (?:chums|potes|gars|boys|amis|cousins|freres|contacts|gars de bicycle|amis motards) "
              r"(?:\w+ )?(?:vont|va|pourraient|peuvent|sont pour|s'en viennent) (?:passer (?:te|le|la|lui) voir|"
              r"(?:te|vous|lui|leur) rendre (?:une petite |une )?visite|s'occuper (?:de toi|de vous|de lui|d'elle|"
              r"de ton cas|de votre cas|de son cas)|(?:te|vous|le|la|l') ?(?:retrouver|attendre|trouver{FREND})|"
              r"regler (?:ton|votre|son) (?:cas|compte)|faire (?:ta|votre|sa) fete)", 0.85,
              "menace: envoie des amis", True),
        Entry(r"(?:va|vas|vont|allez) avoir affaire a (?:moi|nous|mes chums|mes amis|mes gars)|(?:ne )?"
              r"(?:s'en|t'en|vous en) (?:relevera|releveras|releverez|releveront) (?:pas|jamais)|(?:va|vas|vont|"
              r"allez) comprendre (?:sa|ta|leur|votre) douleur|ce qui va arriver a (?:ton|ta|tes|votre|vos) |"
              r"(?:tu vas|vous allez|il va|elle va) (?:croiser|tomber sur) (?:les mauvaises personnes|"
              r"la mauvaise personne)|(?:a interet a|a interet de|ferait mieux de|devrait|doit|doivent|ferais "
              r"mieux de) (?:surveiller|watcher) (?:ses|leurs|tes|vos) (?:arrieres|dos)|(?:tu|vous|il|elle) "
              r"(?:ferais|feriez|ferait) mieux de (?:ne )?(?:pas|jamais) (?:garer|stationner|parker|sortir seul|"
              r"te montrer|vous montrer|se montrer|remettre les pieds)", 0.85, "menace voilée (fr, 2)", True),
        # --- English, direct ---------------------------------------------------------------------------
        Entry(r"{ENSUBJ} (?:{ENADV})?{KILLE} {PERSON}(?! (?:an?|some|the) (?:email|e-mail|message|text|note|"
              r"line|dm|call|quote))", 0.92, "direct threat (en)", True),
        Entry(r"{ENSUBJ} (?:{ENADV})?(?:beat|kick|knock|slap|punch|smack) (?:the (?:shit|hell|crap|fuck|"
              r"living daylights|piss|snot)|the teeth|(?:your|ur|his|her|their|y'all'?s) (?:ass|asses|teeth|"
              r"head|face|lights))(?: out| in)?|{ENSUBJ} (?:{ENADV})?make (?:you|u|him|her|them|y'all|yall) (?:bleed|"
              r"suffer|disappear|scream|beg)|{ENSUBJ} (?:{ENADV})?(?:break|snap|smash|bash|cave in|rip|tear|"
              r"rip off|rip out|slit|cut) (?:your|ur|his|her|their|the \w+'?s) (?:\w+ )?(?:legs?|neck|necks|"
              r"face|faces|arms?|jaw|nose|teeth|knees?|kneecaps?|bones|skull|head|heads|throat|throats|"
              r"windows|car|tires|tyres)|{ENSUBJ} (?:{ENADV})?(?:fuck|mess) (?:you|u|him|her|them|y'all|"
              r"yall) up|{ENSUBJ} (?:{ENADV})?(?:put|pump) (?:a|some|two|\d+) (?:bullets?|rounds?|holes?|"
              r"knife|blade) in", 0.92, "direct threat (en)", True),
        # "find/get/hunt you": a threat when nothing is found *for* the customer ("we'll find you a size")
        Entry(r"{ENSUBJ} (?:{ENADV})?(?:find|get|hunt down|hunt|track down|track|come for|come after|"
              r"catch|deal with|wait for|visit|pay (?:you|u) a visit|follow|be coming for|be waiting for|"
              r"be outside|be there for) (?:you|u|ya|y'all|yall|him|her|them|you all|you guys|"
              r"every (?:last |single )?one of you)(?:{ENEND})|(?:i'?m|im|we'?re|we are|i am) coming for "
              r"(?:you|u|ya|y'all|yall|your|him|her|them)", 0.85, "threat: coming for you", True),
        # --- English, veiled and conditional ------------------------------------------------------------
        Entry(r"watch (?:your|ur|yo) (?:back|mouth|kids|family|car)|(?:you|u|ya) (?:better|best|should|"
              r"'?d better) watch (?:out|yourself|your ?self|it|your back)|watch yourself|better watch out|"
              r"sleep with one eye open|your days are numbered|you(?:'ll| will)? (?:regret (?:this|it|that)|"
              r"pay for (?:this|that|it|what))|you'?re (?:gonna|going to) (?:regret|pay)(?:{ENEND}| for)|"
              r"you will (?:regret|pay)(?:{ENEND}| for)|you'?ll pay(?:{ENEND})|you'?ll be sorry|"
              r"i'?ll make (?:you|u|them|him|her|y'all|yall) (?:pay|regret|suffer|sorry|bleed)|"
              r"you'?re (?:so |a )?dead(?: (?:man|meat|woman))?(?:{ENEND})|ur dead|dead man walking|"
              r"(?:see|meet) (?:you|u|ya) (?:in the parking lot|in the lot|outside|after (?:work|your shift|"
              r"closing|school)|on your way home|when you (?:get off|close|leave|clock out))|"
              r"wait (?:till|until|til) i (?:catch|find|see|get) (?:you|u|ya|him|her|them)|"
              r"i'?ll be waiting (?:for you|outside(?! (?:at \d|for (?:the )?(?:doors?|opening|store|sale|launch|release)|"
              r"when (?:you|the \w+|they) open|before (?:you|the \w+|they) open))|in the|at your|after)|(?:gonna|going to) get what'?s coming|"
              r"something bad (?:is gonna|will|might|could) happen|you'?ve been warned|"
              r"(?:this is|consider this) (?:your|a|my) (?:last|final|only)? ?warning|mark my words|"
              r"(?:you|u) (?:won'?t|will not|wont) (?:see it|know what hit)|never see it coming|"
              r"you don'?t know who you'?re (?:dealing|messing|fucking) with|just you wait|"
              r"see what happens (?:to|when|if|next)|(?:your|ur) (?:family|kids|wife|husband|children) "
              r"(?:isn'?t|is not|aren'?t|are not|won'?t be|will not be) safe|think about (?:your|ur) "
              r"(?:family|kids|children|wife|husband)|(?:you|u) (?:have|got) (?:a family|kids|children)",
              0.85, "veiled threat (en)", True),
        Entry(r"(?:i|we) know (?:where|what time|when) (?:you|u|he|she|they|your|ur|the|that) ?(?:\w+ ){0,2}"
              r"(?:live|lives|work|works|park|parks|sleep|sleeps|go to school|get off|leave|leaves|finish)|"
              r"(?:i|we) know (?:your|ur|his|her|their) (?:address|car|schedule|shift|plate|"
              r"license plate|kids|wife|husband|family|route|name)|i know (?:which|what) car (?:is )?(?:yours|"
              r"you drive|he drives|she drives)", 0.92, "veiled threat: knows where", True),
        Entry(r"(?:would|'?d|will|it'?d|it would|be) (?:be )?(?:a )?(?:real |such a )?(?:shame|pity) if "
              r"(?:something|anything) (?:\w+ )?(?:happened|happens|were to happen|was to happen)|(?:shame|pity) if (?:your|ur|the|this|that|their) "
              r"(?:\w+ ){0,2}(?:caught fire|burned|burnt|burned down|got smashed|got vandalized|got broken into|"
              r"blew up|exploded|had an accident|got hurt)", 0.88,
              "veiled threat: a shame if something happened", True),
        # --- English intimidation without a kill verb (v4: "break every bone", "better hope I never find
        # you", "tell him to be careful"): a person as target and a harm, so that "I'd kill for a refund"
        # or "I'll be waiting outside when you open" stay what they are.
        Entry(r"(?:break|snap|crack|smash) (?:every|each|all the|all of (?:your|his|her|their)) (?:single )?"
              r"(?:bone|bones|finger|fingers|tooth|teeth|rib|ribs)|(?:is|'s|are|'re|gonna|going to|will|'ll) "
              r"(?:gonna |going to )?(?:get|getting) (?:his|her|their|your|ur) (?:teeth|face|head|skull|legs?|jaw|"
              r"lights) (?:knocked|kicked|smashed|bashed|beaten|punched|caved|broken)(?: in| out)?|get (?:your|"
              r"ur|his|her|their) ass (?:kicked|beat|beaten|whooped)", 0.9, "threat: beating (en)", True),
        Entry(r"(?:put|send|land|leave) (?:you|u|him|her|them|that \w+|the \w+|your \w+|this \w+)(?: \w+)? in "
              r"(?:the|a) (?:hospital|er|emergency room|wheelchair|coma|ground|grave|body bag|morgue)|"
              r"(?:you'?ll|you will|you'?re gonna|you are gonna|you'?re going to|he'?ll|she'?ll|he'?s gonna|"
              r"she'?s gonna) (?:end up|wind up|be) (?:in (?:the|a) (?:hospital|er|wheelchair|coma|ground|ditch|"
              r"body bag|morgue)|six feet under)", 0.88, "threat: hospital (en)", True),
        Entry(r"(?:better|best) (?:hope|pray) (?:i|we|my \w+) (?:never|don'?t|dont|do not|won'?t) (?:find|see|"
              r"catch|run into|meet|find out where)|(?:hope|pray) (?:i|we) never (?:find|see|catch|run into) "
              r"(?:you|u|ya|him|her|them)", 0.88, "veiled threat: better hope I never find you", True),
        Entry(r"(?:my|our) (?:boys|guys|cousins|brothers|friends|crew|people|homies|bros|buddies|gang) "
              r"(?:will|'ll|are gonna|are going to|gonna|can|could) (?:pay (?:you|u|him|her|them|that|the|your)|"
              r"take care of (?:you|u|him|her|them|that|the|your)|deal with (?:you|u|him|her|them)|find "
              r"(?:you|u|him|her|them)|have a (?:little )?(?:talk|word|chat) with (?:you|u|him|her|them|that|the|"
              r"your)|be waiting|wait for (?:you|u|him|her|them))|pay (?:the|that|this|your|ur|his|her) (?:\w+ )?"
              r"(?:manager|owner|driver|clerk|cashier|employee|guy|girl|lady|rep|agent|boss|worker|waiter|waitress|"
              r"courier|delivery guy|kid)(?: \w+)? a (?:little )?visit|(?:my|our|some) (?:\w+ )?(?:boys|guys|cousins|"
              r"brothers|friends|crew|people|homies|bros|buddies|contacts)(?: of mine)? (?:know|knows|found out) "
              r"(?:where|what time|when) (?:you|u|he|she|they|your|ur|the|that)", 0.85,
              "threat: sends friends (en)", True),
        Entry(r"i'?ll be waiting (?:by|at|near|next to|behind|outside|in) (?:your|ur|his|her|their|the) (?:\w+ )?"
              r"(?:car|truck|house|home|door|back door|staff entrance|parking|lot|exit)|i'?ll be waiting after "
              r"(?:work|closing|your shift|his shift|her shift)|(?:i'?ve got|i got|i have|i keep|got) (?:a|an|my|"
              r"some) (?:\w+ )?(?:{WEAPEN})(?: \w+){0,6}? (?:with (?:your|ur|his|her|their) name|for (?:you|u|ya|"
              r"him|her|them|your|ur|that)\b|in (?:my|the) (?:trunk|car|truck|glovebox|jacket|pocket)|and (?:a lot "
              r"of|plenty of|all the|nothing but) (?:free )?time)", 0.85, "threat: waiting / weapon (en)", True),
        Entry(r"you(?:'ll| will|'re gonna| are gonna|'re going to| are going to) get (?:what'?s|what is) coming|"
              r"you(?:'ll| will|'re gonna|'re going to) (?:run into|meet|cross) the wrong (?:people|person|guy|guys)|"
              r"(?:you'?re|you are|you'?ll|you will) (?:gonna |going to )?get (?:hurt|seriously hurt|hurt bad)|"
              r"you'?re (?:gonna|going to) regret (?:this|it|that)|(?:should|better|needs to|'d better) (?:start )?"
              r"(?:look|looking|watch|watching) over (?:his|her|your|their|ur) shoulder|(?:should|better|'d better|"
              r"needs to) watch (?:his|her|their|your|ur) (?:back|step)|tell (?:him|her|them|your \w+|that \w+|"
              r"the \w+) (?:to )?(?:be careful|watch (?:out|his back|her back|their back|himself|herself)|sleep "
              r"with one eye open)|teach (?:you|u|him|her|them|that \w+|the \w+|your \w+) a lesson|(?:i'?ll|i will|"
              r"we'?ll|gonna|going to) get (?:you|u|ya|him|her|them) for (?:this|that|it)|(?:i|we) know (?:which|"
              r"what) (?:car|truck|vehicle) (?:\w+ ){0,3}(?:drives|drive|is (?:his|hers|yours))", 0.85,
              "veiled threat (en, 2)", True),
        # Places, fire, bombs and guns
        Entry(r"(?:blow up|shoot up|burn down|bomb|firebomb|torch|set fire to|set on fire|burn|smash up|"
              r"trash|vandalize|blow|wreck|smash) (?:down |up )?(?:the|this|your|ur|that|their|his|her|every)? ?"
              r"(?:whole |fucking |damn )?(?:place|building|store|stores|shop|station|office|offices|campus|"
              r"school|bank|branch|restaurant|warehouse|house|home|car|truck|location|headquarters|hq|"
              r"factory|plant|lobby|business|company|mall|church|mosque|synagogue|windows)|"
              r"(?:blow|burn|shoot) (?:this|the|that|your|ur|their) (?:\w+ ){0,2}(?:up|down)\b|"
              r"(?:there'?s|there is|there will be|there'?ll be|there'?s gonna be|there is going to be|planted|"
              r"plant|put|placing|leave|leaving) an? (?:\w+ )?bomb", 0.92,
              "threat: attack on place", True),
        Entry(r"(?:i'?ll|i will|i'?m|im|i am|we'?ll|we will|we'?re|next time i|gonna|going to|imma|ima)"
              r"(?: \w+){0,3} (?:bring|bringing|come back with|come in with|show up with|be back with|"
              r"return with|coming back with|coming in with|packing|carrying|loading) (?:my|a|an|the|some|"
              r"his|our)? ?(?:\w+ )?(?:gun|guns|rifle|shotgun|pistol|glock|ar-?15|ak-?47|piece|knife|knives|"
              r"machete|bat|baseball bat|axe|hatchet|bomb|explosives|molotov|gasoline|gas can|friends with "
              r"bats)|i (?:have|got|own|keep) (?:a |my |some )?(?:loaded )?(?:gun|guns|rifle|shotgun|pistol)"
              r"(?: and| ready| loaded| in my| with me)", 0.88, "threat: weapon", True),
        # Wishes of death and incitement
        Entry(r"kill (?:yo)?urself|kys|go die|i hope (?:you|u|he|she|they) (?:die|dies|get hit|get cancer|burn)|"
              r"(?:you|u|they|he|she) (?:should|deserve to|deserves to|ought to) die|"
              r"(?:someone|somebody|some1) (?:should|needs to|need to|ought to|oughta|gotta|has to|is gonna|"
              r"'?s gonna|will|better) (?:\w+ )?(?:shoot|kill|hurt|beat|stab|burn|bomb|torch|run over|"
              r"strangle|murder|hang|lynch|take out|punch|slap)|"
              r"(?:i )?hope (?:the|that|this|your|ur|he|she|they|you|u|him|her|all of you|y'all|yall|every) ?"
              r"(?:\w+ ){0,4}(?:dies|die|died|dead|gets killed|get killed|gets shot|get shot|gets hit|get hit|"
              r"gets cancer|get cancer|gets raped|get raped|gets stabbed|burns|burn|croaks|croak|rots? in hell|"
              r"burns? in hell|suffers?|chokes? to death|chokes? on)|rot in hell|burn in hell|"
              r"i want (?:to see )?(?:you|u|him|her|them|y'all) dead|wanna see (?:you|u|him|her|them) dead|"
              r"(?:you|u|he|she|they|the \w+|that \w+) (?:deserves?|should|needs? to|ought to) (?:to )?(?:be|get) "
              r"(?:shot|killed|hanged|hung|lynched|executed|beaten|burned|burnt|stabbed|put down|strung up|"
              r"murdered|run over)|(?:should|need to|needs to|ought to|gotta|let'?s) (?:hang|shoot|kill|lynch|"
              r"execute|string up|burn|stab|beat up) (?:the|that|this|your|all|every|those|these|him|her|them)",
              0.9, "death wish / incitement", True),
        # Calls for a lynching whoever the subject is ("these execs should be strung up"): these verbs have
        # no business sense ("executed", "shot" and "hung" do: a plan, a film, a picture).
        Entry(r"(?:should|deserve to|deserves to|ought to|needs? to|must|devraient|devrait|meritent de|merite de) "
              r"(?:all |tous |toutes )?(?:be|get|etre|se faire) (?:hanged|lynched|strung up|beaten to death|"
              r"stabbed|murdered|shot dead|lined up and shot|pendus?|pendues?|lynches?|lynchees?|fusilles?|"
              r"fusillees?|egorges?|egorgees?)", 0.9, "appel au lynchage", True),
        # Blood debts and mutilation promised to someone.
        Entry(r"(?:payer|paiera|paieront|payera|payeront|pay|payer ca) (?:en|avec (?:leur|son|ton|votre|du)|in|"
              r"with (?:their|your|his|her)) (?:sang|blood)|(?:je vais|j'vais|j'vas|jvais|m'as|on va|je vas|"
              r"i'?m gonna|i'?ll|i will|we'?ll) (?:te|lui|leur|vous|rip|tear|cut) (?:arracher|couper|out|off)? ?"
              r"(?:la|le|les|ta|ton|tes|sa|son|ses|your|his|her|their) (?:langue|tete|yeux|doigts|dents|tongue|"
              r"eyes|head|fingers|teeth)", 0.88, "dette de sang / mutilation", True),
        # "The first one who ..., I'll stab him": a promise of violence on a condition.
        Entry(r"(?:le premier|la premiere|the first (?:one|person|guy|idiot|clown|man|cop|agent)) (?:qui|qu'|who|"
              r"that) .{0,60}(?:je (?:le|la|l') ?|i'?ll |i will |gets? )(?:plante|tue|defonce|frappe|cogne|eclate|"
              r"fracasse|stab|kill|punch|hit|shoot|deck|smack|stabbed|shot|punched|knocked out)", 0.85,
              "menace conditionnelle", True),
    ],
    "hate": [
        # ("coon" is left out: squeezed like every comment, it reads "con", French for idiot.)
        # "fag" is also a cigarette (UK, Ireland), "dyke" a road name, "chink in the armour" an idiom and
        # Spic and Span a cleaner: those senses are left out.
        Entry(r"nigger|niggers|nigga|niggas|faggot|faggots|(?<!smoke a )(?<!for a )(?<!quick )(?<!fancy a )"
              r"(?<!having a )fags?(?! (?:break|breaks|packet|packets|butt|butts|end|ends))|dykes?(?! (?:road|rd|"
              r"street|st|lane|park|house))|tranny|trannies|troons|chinks?(?! (?:in (?:the|their|his|her|"
              r"our|my|your|its) armou?r|of light))|spics?(?! (?:and|n|'n'|&) span)|kike|kikes|wetback|wetbacks|raghead|ragheads|towelhead|towelheads|"
              r"gook|gooks|paki|pakis|beaner|beaners|shemale|mudslime|rapefugee|rapefugees|dindu|goyim|"
              r"poofter|poofters|sand nigger|jungle bunny|porch monkey|ching chong|ching chang chong|"
              r"ching ching chong|"
              r"muzzie|muzzies|nicca|niccas",
              0.93, "slur (en)", True),
        Entry(r"bougnoule|bougnoules|bicot|bicots|negre|negres|negresse|negro|negros|youpin|youpins|youtre|"
              r"pede|pedes|tarlouze|tarlouzes|tapette|tapettes|gouine|gouines|travelo|travelos|bamboula|bamboulas|"
              r"chinetoque|chinetoques|chintok|chintoks|niakoue|niakoues|crouille|crouilles|fif|fifs|fifon|fifons|"
              r"feuj de merde|sale juif|sale arabe|sale noir|sale negre|sauvagesse|kawish|bougnules?", 0.9,
              "injure raciste/homophobe (fr)", True),
        # Words that are slurs in one sense and ordinary in another (a bride's wedding, a raccoon, a brake
        # pedal: "bride", "raton", "pédale" once folded): a slur only after an insulting determiner (or, for
        # "bridés", an article: "les bridés").
        Entry(r"(?:sale|sales|espece de|{TU} (?:un|une|des)|ces|gang de|bande de|maudit|maudits|maudite|maudites|"
              r"criss de|ostie de|esti de) (?:bride|brides|raton|ratons|pedale|pedales)(?! (?:laveur|laveurs|de |d'|"
              r"du |des ))|(?:le|les|des) brides?(?! (?:de |d'|du |des ))|yeux brides?", 0.9,
              "injure raciste/homophobe (fr)", True),
        Entry(r"(?:sale|sales|maudit|maudits|maudite|maudites|dirty|filthy|fucking|stupid|criss de|ostie de|esti de|"
              r"putain de|putain d'|putains de|putains d'|tabarnak de|tabarnak d'|calisse de|calisse d') "
              r"(?:mecs |meufs )?"
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
              r"deport all)(?: (?:dans ton|dans votre|dans leur|dans leurs|chez vous|chez toi|chez eux|to your|"
              r"to their|back to|them to|the \w+ back to|home to))? ?(?:pays|country|countries|bled|afrique|"
              r"africa|mexico|jungle|desert)|(?:go back|retournez|retourne|rentrez|rentre) (?:chez vous|"
              r"chez toi|(?:to )?where you came from|(?:to )?where they came from|d'ou tu viens|d'ou vous venez)|"
              r"send them (?:all )?back|deport (?:them|all of them|those)|(?:send|ship|kick|take|put) (?:them|him|"
              r"her|'?em|y'?all)(?: all)? back (?:to )?where (?:they|you|he|she) came from|(?:religion|culture|"
              r"language|flag|customs|traditions|ways|hijab|burqa|veil|food) back (?:to )?where (?:it|they) came "
              r"from|la d'ou (?:ils|elles) viennent|(?:(?:^|[.!?,;:] ?)(?:just |now |so |please |pls )?|you should |"
              r"you need to |why don'?t you |why not )go back home", 0.6, "retourne dans ton pays", True),
        # Excluding a protected group or denying it rights, without a slur: "les femmes ne devraient pas
        # avoir le droit de...", "X have no place here", "stop hiring X", "X are a cancer".
        Entry(r"{GROUP} (?:ont|n'ont|have|has|should have) (?:rien a faire|aucune place|no place|no business|"
              r"no right)|{GROUP} (?:ne )?(?:devraient|devrait|doivent) (?:pas|jamais|plus)|{GROUP} (?:shouldn'?t|"
              r"should not|should never|must not|don'?t|do not|can'?t|cannot) (?:be allowed|belong|work|vote|"
              r"be hired|be trusted|handle|lead|manage|be here|be in|have rights)|{GROUP} (?:should|must|need to|"
              r"devraient|doivent) (?:be kept|be locked|stay|be put|be sent|rester|etre mis|etre enfermes|"
              r"etre gardes|etre envoyes) (?:away|out|apart|in (?:special|separate|an institution|institutions|"
              r"homes)|a part|enfermes|en institut|dans des (?:ecoles|centres|classes|institutions))|"
              r"(?:stop|quit|arretez d'|"
              r"arretez de|cessez d'|cessez de|arrete d'|pas d') ?(?:hiring|serving|letting in|engager|embaucher|"
              r"servir|laisser entrer|promoting|promouvoir) (?:des |les |more |any |plus de |de |d')?{GROUP}|"
              r"{GROUP} (?:sont|are|is|=|c'est|r) (?:tous |all |just |juste |des |de |la |le |une |un |a |an |"
              r"like )*(?:cancer|un cancer|a cancer|une plaie|une peste|a plague|a virus|un virus|une invasion|"
              r"an invasion|infestation|une infestation|lazy|paresseux|voleurs|thieves|profiteurs|leeches|"
              r"sangsues|parasites|mentally ill|malades mentaux|des malades|stupides|inferieures?|inferior)|"
              r"{GROUP} (?:vivent|vit|live|lives) (?:juste |only |just |all |tous )?(?:sur|off|on|aux crochets de) "
              r"(?:nos|our|les|the|welfare|le bs|l'aide sociale)|lobby (?:juif|sioniste)|(?:jewish|zionist) "
              r"lobby|{GROUP} (?:run|control|own|controlent|dirigent|possedent) (?:this|the|everything|tout|"
              r"cette|la|le|les|your|votre)", 0.85, "exclusion d'un groupe protégé", True),
        # Calls to kill a protected group ("pendons les noirs", "gas all the jews").
        Entry(r"(?:pendons|pendez|tuons|tuez|gazons|gazez|brulons|brulez|fusillons|fusillez|exterminons|exterminez|"
              r"eliminons|eliminez) (?:tous |toutes )?{GROUP}|(?:(?:kill|hang|gas|shoot) (?:all|all of)|lynch|"
              r"exterminate) {GROUP}",
              0.9, "appel à la violence contre un groupe protégé", True),
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
              r"sieg heil|white power|zog|happy merchant|\(\(\( ?[a-z][^()]{0,40}?\) ?\) ?\)|juden|gas the|"
              r"hitler (?:was right|avait raison)|diversity hire|dei hire|"
              r"groomers?(?= [^.!?]{0,60}(?:kids|children|enfants|school|ecole|drag|trans|gay|lgbt|pride|teacher|prof))|"
              r"(?:drag|trans|gay|lgbt\w*|pride|queer|teachers?|profs?) [^.!?]{0,40}groomers?|"
              r"alphabet people|islamisation|islamization|invasion migratoire|"
              r"les envahisseurs|the invaders|shekels|13/50|13 ?% (?:commit|do) (?:50|half)|third ?worlders?|"
              r"import(?:ing|s|ed)? (?:the )?third world|bat (?:soup|eaters?)|dog eaters?|"
              r"mangeurs? de (?:chiens|chats|chauves?-souris)", 0.88, "terme codé", True),
        # Breeding and infestation tropes about a people ("ils se reproduisent comme des lapins", "they
        # multiply like rats"): dehumanising whoever "they" are.
        Entry(r"(?:se reproduisent|pullulent|envahissent|nous envahissent|breed|multiply|swarm|infest|invade) "
              r"(?:\w+ ){0,3}(?:comme des|like) (?:lapins|rats|cafards|coquerelles|sauterelles|vermine|rabbits|"
              r"cockroaches|roaches|vermin|locusts|insects|insectes)", 0.85, "déshumanisation (trope)", True),
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
        Entry(r"(?:(?:can'?t|cant|doesn'?t|don'?t) (?:even )?speak|ne parle|parle (?:meme )?pas|parlent pas) (?:even )?(?:"
              r"un mot de|francais|english|anglais)?.{0,20}(?:go back|retourne|rentre chez|immigrant|etranger|"
              r"foreigner|terroriste|terrorist)", 0.65, "origine comme attaque", True),
        # Slurs for a disability are insults whatever the sentence; the words that merely name one ("mon
        # fils autiste", "des heures pour les enfants autistes") count only when they are thrown at someone.
        Entry(r"(?:retarded|spastic|spaz|mongoloids?|mongolien|mongoliens|attardee?s? menta(?:l|le|les|ux)|"
              r"(?:this|that|you|ya|u|big|fucking|such a|what a|some|the|stupid|little|lil) retards?)",
              0.55, "validisme (handicap comme injure)", True),
        Entry(r"(?:{TU} (?:un |une |des |vraiment |tellement |ben |bien )?|{QCINT}|(?:gang|bande) (?:de |d')|"
              r"quel |quelle |quels |quelles |comme un |comme une |comme des |what an? |"
              r"{YOU} {ARE}? ?(?:an? |so |such an? )?|bunch of )(?:autiste|autistes|trisomique|trisomiques|handicape mental|handicapes mentaux|"
              r"autistic|autist)(?= *(?:$|[.,!?;:…]|ou quoi|or what|de |d'|qui |who |that |pis |et |and |au |aux |a |"
              r"at |in |on |dans |sur |xmention))",
              0.55, "validisme (handicap comme injure)", True),
        Entry(r"(?:{TU} (?:un |une |des |vraiment |tellement |ben |bien )?|{QCINT}|(?:gang|bande) (?:de |d')|sale |"
              r"quel |quelle |quels |quelles |comme un |comme des |(?:c'est|c'etait) (?:trop |vraiment |juste )?|"
              r"(?:il|elle) est (?:trop |vraiment |ben )?)(?:mongol|mongols|mongole|mongoles)(?! (?:beef|bbq))",
              0.55, "validisme (handicap comme injure)", True),
        # The same slurs in the other shapes they are thrown in: a comparison ("comme un attardé"), a
        # possessor ("tête de mongol", "une équipe d'attardés"), a verdict ("c'est vraiment un attardé") or
        # after a sacre and an adjective ("tabarnak de petit mongol"). "Je m'attarde sur..." has none.
        Entry(r"(?:comme (?:un|une|des) (?=attarde)|(?:tete|face|gueule|commentaire|commentaires|equipe|reaction|"
              r"cerveau|bande|gang|bunch) (?:de |d')|(?:c'est|c'etait|il est|elle est|ils sont|elles sont) "
              r"(?:(?:trop|vraiment|juste|grave|ben|tellement|un|une|des|vrai|vraie) )*|{QCINT}"
              r"(?:petit |petite |ptit |gros |grosse |vieux |vieille )?)(?:attarde|attardes|mongol|mongols|mongole|"
              r"mongoles)(?! (?:beef|bbq|barbecue|empire|grill))(?= *(?:$|[^a-z]))",
              0.55, "validisme (handicap comme injure)", True),
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
        Entry(r"(?:voici|here'?s|here is|voila|found|j'ai trouve|i found|j'ai) (?:the|l'|le|la) ?(?:personal |perso |"
              r"home |private |prive )?(?:numero|number|cell|cellulaire|adresse|address|plaque|plate|insta|facebook) "
              r"(?:perso |personnel |prive )?(?:du|de la|de l'|of the|of) (?:\w+ ){0,2}(?:manager|gerant|gerante|"
              r"controleur|controleuse|chauffeur|chauffeuse|caissier|caissiere|employe|employee|driver|cashier|clerk|"
              r"agent|agente|conseiller|conseillere|boss|patron|patronne|ceo|pdg|owner|proprio|vendeur|vendeuse|"
              r"livreur|livreuse|prof|teacher|nurse|infirmier|infirmiere|receptionniste|receptionist|guy|gars|fille|"
              r"girl|lady|madame|monsieur|arbitre|ref|referee)", 0.8, "doxxing: infos d'une personne", True),
        Entry(r"(?:chauffeur|chauffeuse|driver|conducteur|conductrice|gars|guy|employe|employee|livreur|manager|"
              r"gerant|gerante)[^.!?]{0,60}(?:plaque|plate|reg|immatriculation)\s*:?\s*(?=[a-z0-9 -]{0,4}\d)"
              r"[a-z0-9]{2,4}[ -]?[a-z0-9]{2,4}", 0.75, "doxxing: plaque", True),
        Entry(r"(?:voici|here'?s|here is|voila|c'est quoi|what'?s|found|j'ai trouve|i found) (?:son|sa|ses|his|her|"
              r"their|the manager'?s) (?:numero|number|adresse|address|insta|instagram|facebook|fb|profil|"
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
              r"|wanna see (?:you|u) naked|je veux te voir (?:toute )?nue|ta (?:chatte|bite|queue)|(?:your|ur) (?:pussy|dick)",
              0.85, "harcèlement sexuel", True),
        # targeted personal abuse: appearance, worth, stalking
        Entry(r"(?:xmention|{TU}|{YOU}|elle est|il est|she'?s|he'?s|she is|he is) (?:so |tellement |trop |vraiment |"
              r"tellement )?(?:laid|laide|laite|moche|ugly|fat|gros tas|grosse|obese|hideous|disgusting|degueulasse|"
              r"degoutante|degoutant|repulsive|repugnant|repugnante)", 0.6, "attaque sur le physique", True),
        Entry(r"personne (?:ne )?(?:t'aime|t'aimera|veut de toi|te veut)|nobody (?:likes|loves|wants|will ever love) "
              r"(?:you|u)|no one (?:likes|loves|wants) (?:you|u)|(?:tu|you) (?:should|devrais) (?:disappear|"
              r"disparaitre|te cacher|hide)|go cry|(?<!on )(?<!ca )(?<!il )(?<!elle )(?<!qui )(?<!ce )(?<!je )"
              r"va pleurer|(?:t'as|tu as|you have) pas d'amis|you have no friends"
              r"|everyone hates (?:you|u)|tout le monde te deteste|(?:quit|leave|delete) (?:your|ur) (?:job|account)"
              r" (?:nobody|no one)", 0.65, "dénigrement personnel ciblé", True),
        # Watching or following someone, not "I saw you at the market" or "je te suis reconnaissant".
        Entry(r"(?:je te surveille|je vous surveille|i'?m watching (?:you|u)|i'?ve been watching (?:you|u)|"
              r"je t'observe|je te suis (?:partout|a la trace|jusqu'a|jusque|chez)|i (?:follow|followed) (?:you|u) "
              r"(?:home|to your|everywhere|around)|(?:je t'ai vue?|i saw (?:you|u)) (?:sortir|partir|rentrer|entrer|"
              r"leave|leaving|get in|getting in|walk home|walking home|go home|at home|chez toi|in your (?:car|"
              r"driveway|yard|window)))", 0.6, "suivi/surveillance", True),
    ],
    "insult": [
        # aimed at someone: "t'es un ostie de cave", "vous êtes des incompétents", "bande de caves"
        Entry(r"{TU} (?:qu'?)?(?:un |une |des |juste un |juste une |rien qu'un |rien qu'une |vraiment un |"
              r"vraiment une )?{QCINT}*(?:{INSFR})", 0.9, "insulte ciblée (fr)", True),
        Entry(r"(?:bande|gang|ramassis|troupeau|bunch|band) (?:de |d'|of |a )?{QCINT}*(?:{INSFR}|{INSEN})", 0.85,
              "insulte collective", True),
        Entry(r"{QCINT}(?:petit |petite |ptit |vieux |vieille )?(?:{INSFR})|(?:espece|esp) (?:de|d') ?(?:{INSFR})",
              0.7, "insulte intensifiée (fr)", True),
        Entry(r"(?:{YOU}|you are|you'?re|ur|u r|you guys are|y'all are|yall are|your staff is|your staff are|"
              r"your employees are|this driver is|that driver is|the manager is|the staff (?:is|are)) "
              r"(?:such |a |an |just a |just an |nothing but |fucking |all |bunch of |a bunch of )*{ENINT}*(?:{INSENX})", 0.9,
              "targeted insult (en)", True),
        Entry(r"{ENINT}(?:{INSEN})", 0.7, "intensified insult (en)", True),
        # one-word or untargeted insult nouns that are nearly always aimed at someone ("caves" and "ordures"
        # are also wine cellars and household waste: only aimed, in the entries above)
        Entry(r"connard|connards|connasse|connasses|encule|encules|enfoire|enfoires|salope|salopes|fdp|"
              r"fils de pute|trou de cul|trou du cul|trou d'cul|sous-merde|raclure|charogne|"
              r"asshole|assholes|cunt|cunts|motherfucker|motherfuckers|dickhead|dickheads|dumbass|dumbfuck|"
              r"scumbag|scumbags|shithead|dipshit|douchebag|douchebags|twat|wanker|wankers|idiots|morons|"
              r"imbeciles|cretins|abrutis|tarlas|gnochons|crosseurs|bitch|bitches", 0.6,
              "insulte", True),
        Entry(r"(?:sont|etes|c'est|c'etait|vous les|juste des|rien que des|que des|des \w+ de|des \w+ d') ?"
              r"(?:des |les |vraiment |tellement |ben )?caves(?! (?:a vin|a vins|a cigares|de |du |des |d'))", 0.6,
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
        # Demeaning words without a swear, aimed at the reader, a person or a group ("you are pathetic",
        # "what a clown", "t'es pathétique", "ils sont tous des menteurs"); aimed at a thing ("this is
        # pathetic", "c'est ridicule") it stays a complaint, so the subject must be a person.
        Entry(r"(?:you|u|you'?re|youre|you are|u r|ur|you guys are|y'all are|yall are|you all are|you people are|"
              r"he'?s|she'?s|he is|she is|they'?re|they are|your (?:\w+ )?(?:ceo|manager|boss|staff|owner|rep|"
              r"agent|employees?|team) (?:is|are)) (?:such |so |a |an |just |nothing but |all |a bunch of |"
              r"total |complete |absolute |real |bunch of )*(?:pathetic|clowns?|jokes?|losers?|disgraces?|"
              r"embarrassments?|hypocrites?|liars?|cowards?|frauds?|brainless|clueless|spineless|worthless|"
              r"ignorant|delusional|deranged|psychos?|scum|vile|disgusting|traitors?|lunatics?|sheep|snakes?|"
              r"weasels?|rats?|braindead|brain dead|dense|thick|spineless)\b|(?:what an?|such an?) "
              r"(?:\w+ )?(?:clown|loser|disgrace|fraud|hypocrite|liar|coward|moron|idiot|"
              r"imbecile|buffoon|clown show|bunch of clowns|bunch of idiots)|"
              r"(?:t'es|tes|t'e|tu es|vous etes|t'etais|il est|elle est|ils sont|elles sont) (?:\w+ )?"
              r"(?:tous |toutes )?(?:des |un |une )?(?:pathetiques?|clowns?|guignols?|menteurs?|menteuses?|"
              r"hypocrites?|laches?|vendus?|traitres?|bouffons?|minables?|pitoyables?|stupides?|"
              r"(?<!une )(?<!des )(?<!un )betes?|"
              r"ridicules?|honte|tocards?|nazes?)|(?:quel|quelle) (?:\w+ )?(?:clown|guignol|bouffon|minable|"
              r"tocard|abruti|imbecile|idiot|menteur|hypocrite|bande de \w+)", 0.7,
              "dénigrement ciblé", True),
        # A person "de merde" is an insult ("gauchiste de merde", "caissière de marde"); a thing "de merde"
        # is a complaint's intensifier ("un service de merde", "ce monde de merde").
        Entry(r"(?<!service )(?:gauchistes?|communistes?|fachos?|fascistes?|feministes?|actrices?|acteurs?|"
              r"arbitres?|joueurs?|profs?|flics?|boss|patrons?|patronnes?|proprios?|politiciens?|journalistes?|"
              r"ministres?|maires?|presidents?|employes?|employees?|conseillers?|conseilleres?|caissiers?|"
              r"caissieres?|chauffeurs?|chauffeuses?|gerants?|gerantes?|serveurs?|serveuses?|vendeurs?|vendeuses?|"
              r"livreurs?|livreuses?|operateurs?|operatrices?|agents?|fonctionnaires?|cuisiniers?|bailleurs?|"
              r"deneigeurs?|techniciens?|mecaniciens?|voisins?|gens|peuple|race|mec|meuf|gars|femme|bonhomme|"
              r"bonne femme|{INSFR}) (?:de |d')(?:merde|marde)", 0.75, "insulte: une personne « de merde »", True),
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
        # Delays and legal recourse: a customer who says "see you in small claims
        # court" or "je vais porter plainte" is complaining, not threatening.
        # ("bbb" would fold to "b"; "service client" alone is a topic, also of praise.)
        Entry(r"delai|delais|delay|delays|delayed|temps d'attente|wait time|porter plainte|deposer une plainte|"
              r"faire une plainte|plainte contre|plainte (?:au|a la|aupres)|petites creances|small claims|"
              r"better business bureau|office de la protection du consommateur|(?:see|meet) you in court|"
              r"(?:on se|on va se) (?:reverra|revoir|voit|voir) (?:en|a la|au|aux|devant(?: le| la| les)?) "
              r"(?:cour|tribunal|juge|petites creances)|mon avocat|my lawyer|mes avocats|my lawyers|poursuite|"
              r"poursuivre en justice|recours collectif|class action|sue you|sue your|suing", 0.7,
              "retard/recours", True),
        # Too loud, too expensive: "insane prices", "le son est trop fort" are complaints, not slang praise.
        Entry(r"(?:le son|la musique|le volume|the music|the sound|the volume) (?:\w+ )?(?:est|etait|is|was|'s) "
              r"(?:\w+ )?(?:trop fort|too loud)|(?:insane|crazy|ridiculous|outrageous|absurd) (?:prices|pricing|"
              r"fees)|(?:prix|tarifs|frais) (?:delirants|abusifs|exorbitants|indecents)|(?:prices|fees|prix|tarifs|"
              r"frais) (?:are|sont) (?:\w+ )?(?:insane|crazy|ridiculous|outrageous|delirants|abusifs|exorbitants)",
              0.6, "prix/volume excessifs", True),
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
              # "What the fuck, my package never arrived", "what a joke": exclamations (a "?" still counts).
              r"how|when|where|what(?! the (?:fuck|fck|f|hell|heck|frick|actual)\b| an? (?:joke|mess|waste|shame|"
              r"disaster|nightmare|rip ?off|scam|load)\b)|which|who|whom|why|can|could|would|will|do|does|did|is|"
              r"are|was|were|should|shall|may|might|has|have|any|anyone|anybody|"
              r"hello,? (?:how|can|is|do|does|when|what))\b",
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
              r"10/10|5 stars|five stars|5/5|goat|slaps|banger|legend|legendary|the best|a\+|"
              r"(?:so|really|very|super|pretty|damn|fucking|fuckin|bloody|crazy|insanely|too|hella|freaking) good|"
              r"(?:is|was|'s|are|were) (?:so |really |very |damn |fucking )?(?:good|fire|dope|lit)|hell yeah|hell yes|"
              r"fuck yeah|fuck yes|heck yeah|killed it|nailed it|crushed it|on point|blew my mind|mind ?blowing|"
              r"to die for|ca tue|c'est mortel|une tuerie|ca dechire|ca arrache|c'est malade",
              0.5, "compliment", True),
        # Quebec sacre or English swear as a praise intensifier: "c'est tabarnak de bon", "esti que c'est bon"
        Entry(r"(?:tabarnak|tabarnac|ostie|osti|esti|estie|hostie|crisse|criss|calisse|caliss|sacrament|ciboire|"
              r"maudit|mautadit|fucking|full|vraiment|tellement) (?:de |d')?(?:bon|bonne|bons|bonnes|beau|belle|"
              r"beaux|fun|malade|capotant)|(?:que|qu') ?c'(?:est|etait) (?:donc )?(?:bon|beau|fun|malade)",
              0.6, "compliment intensifié", True),
        # Slang compliments with no positive word the model knows ("chef's kiss", "goated"), so that the
        # model's toxic prior alone can't read them as insults. Feminine/plural "meilleure(s)" is here
        # because the "meilleur" above is a whole word. "Sick"/"trop fort" only as the whole exclamation:
        # "le son est trop fort" is not praise; "insane prices" is usually a complaint, "insane deal" not.
        Entry(r"chef'?s kiss|goated|no notes|meilleure|meilleures|(?:insane|sick|killer|unreal) deals?|"
              r"(?:this|that|it|they|he|she) (?:slaps|slapped|hits different)|"
              r"^(?:sick|so sick|trop fort|trop forte|trop forts|trop fortes)(?:$| ?[!.,])",
              0.5, "compliment (argot)", True),
        Entry(r"xemopos", 0.4, "emoji positif", True),
    ],
}

# Figurative uses of violent words (and swear interjections) that are not threats or insults: "this price
# is killing me", "mort de rire", "killer deal", "ça tue", "I'd kill for a coffee", "tuer le temps".
# They never count as toxic evidence; `classifier.py` treats a comment whose only charged words are
# these (no toxic pattern matched) like one whose only bad word is an intensifier.
IDIOMS = (
    r"(?:is|are|was|were|'s|'re|'m|am|be|it'?s|that'?s|keeps|kept|been|ca|this|these|the \w+|my \w+|your \w+) "
    r"(?:literally |actually |really |just |so |honestly )?(?:killing|killin|murdering) (?:me|us|my|our)"
    r"|(?:kill|killing|killed|kills|slay|slayed|slaying|slays|crushed|crushing|murdered|smashed|nailed) it"
    r"|killer (?:\w+)|to die for|dying to|(?:i'?d|i would|i could|would) (?:kill|die|murder) for"
    r"|kill(?:ing)? (?:some |the )?time|(?:the|da|is|was|'s) bomb(?:\b|\.com)(?! (?:in|at|under|on) )|bombed (?:my|the|our|that) "
    r"(?:exam|test|interview)|i'?m (?:dying|dead|deceased)(?: lol| lmao|$|[.!]| of| from| laughing| xem)"
    r"|(?:dying|died|dead) (?:of|from|laughing)|(?:lol|lmao|haha) (?:i'?m )?dead|(?:shot|shots) of "
    r"(?:espresso|tequila|vodka|whisky|whiskey)|shoot (?:me|us) (?:an?|the) |burn(?:ing|ed)? (?:calories|fat)"
    r"|blew (?:me|my mind)|blow(?:s|ing)? (?:me|my mind)|mind ?blowing|(?:is|was|'s) (?:sick|fire|lit)"
    r"|sick (?:deal|deals|price|burger|food|service|design|view|car|ride)"
    r"|(?:mort|morte|morts|mortes|mourir|meurs|meurt|mourrir|creve|crevee|crever) (?:de|d') (?:rire|faim|soif|"
    r"fatigue|ennui|chaud|froid|honte|peur|envie|impatience|curiosite)|j'?ai failli (?:mourir|crever)"
    r"|ca (?:me )?tue|ca tue|(?:me|nous) tue(?:nt)?|tuer le temps|tue le temps|on a tue le temps|tuant|tuante"
    r"|tuerie|c'est (?:de la )?(?:bombe|mortel|une bombe)|(?:mortel|mortelle|une bombe)(?:$|[.!]| ce| cette)"
    r"|exploser de rire|exploser le budget|bruler des calories|a mourir|a se tuer|a en mourir"
    r"|(?:is|are|was|were|'s|'re) (?:absolute |pure |sheer |just )?murder (?:on|for)"
    r"|(?:slay|slayed|slaying|slays) (?:the|this|that|your|our)|(?:avez|as|a|ont|avoir) tue ca"
    r"|(?:me|nous) faire (?:mourir|crever)"
    r"|shoot (?:me|us|you|u|ya|him|her|them) (?:an?|the|a quick|over an?) (?:email|e-mail|mail|message|text|dm|"
    r"note|line|invite|link|quote)"
    r"|(?:mis|mettre|met|mettent|mettait) le feu (?:a|au|dans) (?:la |le )?(?:piste|dancefloor|dance floor|salle|"
    r"scene|foule|stade|centre bell|public|soiree|party|place)"
    r"|brasser (?:\w+ ){0,3}avant de (?:le|la|les|l') ?(?:boire|servir|verser|ouvrir|manger)"
    r"|brasser la cage"
    r"|peter (?:une|la|sa|ma|ta) coche|peter (?:les|un|des|mes|ses) (?:plombs?|cables?)"
    r"|(?:find|get|book|grab|fetch|save|order|reserve) (?:you|u|ya) (?:a|an|the|some|another|one|two|\d+|your|"
    r"new) \w+"
    r"|hearing from (?:my|our) (?:lawyer|lawyers|attorney|attorneys|solicitor)"
    r"|(?:vous|te|t') ?trouver (?:une|un|des|la|le|votre|vos|ta|ton|tes|quelque chose|autre chose) "
    r"|on (?:se |va se )reverra (?:l'an prochain|l'annee prochaine|la semaine prochaine|au festival|a la prochaine|"
    r"bientot|demain|cet ete|au prochain|au show|au match|a noel|en magasin|a la boutique|devant (?:le|un|les) "
    r"(?:juge|tribunal|tribunaux)|au tribunal|en cour|aux petites creances)"
    r"|watch (?:your|ur) step[,.!]? (?:the|it'?s|its|floor|floors|stairs|steps|ice|icy|slippery|wet|on|in|at)"
    r"|(?:vous|t') ?attendre (?:a|pour|avant|des|devant la porte a) l'ouverture"
    # Ordinary senses the model had learned as attacks: going back home oneself, "on va pleurer" (we'll
    # cry), the Mongolian dishes and the Mongol empire ("mongol" is also the slur, see `validisme`).
    r"|(?:to|i|we|i'?ll|we'?ll|gonna|wanna|and|then|finally) go back home"
    r"|(?:on|je|j'|ca|tout le monde) (?:va|vais|vas) (?:tous |toutes )?pleurer"
    r"|(?:boeuf|beef|bbq|barbecue|buffet|grill|grillade|cuisine|fondue|poulet|chicken|empire|steppe|steppes|"
    r"yourte|yurt) mongols?|mongol (?:beef|bbq|barbecue|grill|empire)"
    # Complaints the model read as veiled threats ("somebody should..." is also how incitement starts):
    # someone should fix or clean something, an ultimatum about customers. Only with a repair verb;
    # "somebody should teach him a lesson" and "quelqu'un devrait s'occuper de lui" stay threats.
    r"|(?:someone|somebody|some1|quelqu'un|qqn) (?:should|needs to|need to|ought to|oughta|has to|devrait|doit|"
    r"faudrait|pourrait|could) (?:really |seriously |vraiment |peut-etre |maybe )?(?:fix|repair|clean|inspect|"
    r"update|replace|salt|plow|shovel|paint|answer|reparer|nettoyer|inspecter|repondre|changer|remplacer|"
    r"deneiger|saler|mettre a jour|verifier)"
    # Coming with one's papers: "I'll be back Saturday with the receipt", "je serai au bureau lundi à 8 h
    # avec tous mes papiers": what a visit brings says what it is, unless a weapon comes along.
    r"|(?:with|avec) (?:the |my |all my |all the |our |tous mes |toutes mes |mes |ma |mon |le |la |les |nos |"
    r"notre )?(?:receipts?|papers|paperwork|documents?|docs|invoices?|order numbers?|proof of purchase|"
    r"warranty|papiers|facture|factures|recus?|preuve d'achat|bon de commande|garantie|contrat|"
    r"pieces justificatives)\b(?![^.!?]{0,60}(?:{WEAPEN}|{WEAPFR}))"
    # Going shopping: "we're going to hit your store hard on Black Friday", "on va dévaliser les soldes".
    r"|(?:hit|hitting|hits) (?:the|your|ur|their) (?:stores?|shops?|malls?|sales?|outlets?|boutiques?)"
    r"(?= (?:hard|early|first|on|this|tomorrow|tonight|saturday|sunday|for|at|when|again|ce)|[.!,]|$)"
    r"|devaliser (?:les|vos|la|le|votre) (?:soldes|rayons|tablettes|boutique|magasin|stock)"
    r"(?= (?:demain|samedi|dimanche|ce|cette|pour|au|a|des|lors)|[.!,]|$)"
    r"|(?:see|watch) how many (?:customers|clients|members|subscribers|people|users) (?:you|u) (?:have|keep|"
    r"lose|still have)"
    r"|regler (?:ca |le probleme |mon probleme |mon dossier |ma facture )?avec (?:le|la|les|votre|vos|mon|ma) "
    r"(?:gerant|gerante|direction|service|service client|banque|responsable|superviseur|superviseure|proprio|"
    r"compagnie|assurance|conseiller|conseillere)|regler (?:mon probleme|mon dossier|ma facture|le probleme)"
)
# The violent (or threat-like: "get", "find", "watch") words of those idioms: in a benign context the model
# reads the comment without them. (The idiom regex itself runs only when its required literals are there.)
CHARGED_WORDS = (
    "kill", "killing", "killin", "killed", "kills", "killer", "murder", "murdering", "murdered", "die",
    "dying", "died", "dead", "deceased", "bomb", "bombed", "slay", "slayed", "slaying", "slays", "crushed",
    "crushing", "smashed", "nailed", "shot", "shots", "shoot", "burn", "burning", "burned", "blew", "blow",
    "blowing", "sick", "fire", "lit", "mort", "morte", "morts", "mortes", "mourir", "meurs", "meurt", "creve",
    "crevee", "crever", "tue", "tuent", "tuer", "tuant", "tuante", "tuerie", "mortel", "mortelle", "bombe",
    "exploser", "bruler", "failli", "feu", "brasser", "regler", "peter", "find", "get", "grab", "fetch",
    "lawyer", "lawyers", "hit", "hitting", "hits", "devaliser",
    "attorney", "attorneys", "solicitor", "watch", "trouver", "reverra",
)

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

# Verbs and nouns that report what someone else said or wrote ("traité de", "called me", "wrote", "le
# mot"): a slur quoted right after one is reported, not said (`rules.evidence`).
REPORT_CUES = (
    r"(?<![a-z])(?:traite|traitee|traites|traitees|traiter|traitait|traitant) (?:de|d')|(?:a|ont|avait|avaient|"
    r"m'a|l'a|nous a|les a) (?:dit|ecrit|crie|lance|hurle|tague|gueule)|(?:ecrit|tague|graffiti|inscription|"
    r"le mot|les mots|l'insulte|the word|the words|the slur)|(?:called|calling|call) (?:me|him|her|us|them|"
    r"my \w+|our \w+|the \w+)|(?:yelled|yelling|shouted|shouting|screamed|screaming|wrote|written|"
    r"painted|scrawled|said|saying|told \w+)"
)

# Who a demeaning word could be about when nothing is addressed to anyone: third persons, staff, the
# organisation, vocatives. A model-only insult with none of these (nor a `TARGET_CUES` match) has no
# one to insult ("Just saw this on my feed"); see `classifier.MODEL_ONLY_INSULT_FLOOR`.
PERSON_CUES = (
    r"(?:he|she|they|him|her|them|his|their|these|those|people|guy|guys|dude|girl|man|woman|folks|"
    r"staff|employee|employees|worker|workers|manager|managers|cashier|cashiers|clerk|clerks|waiter|"
    r"waitress|server|servers|driver|drivers|agent|agents|rep|reps|owner|owners|boss|ceo|team|company|"
    r"management|support|il|elle|ils|elles|lui|eux|leur|leurs|ce mec|ces|gens|monde|gars|mec|fille|"
    r"employe|employes|employee|employees|personnel|gerant|gerante|patron|patronne|caissier|caissiere|"
    r"serveur|serveuse|vendeur|vendeuse|vendeurs|livreur|conseiller|conseillere|chauffeur|direction|"
    r"directeur|directrice|equipe|compagnie|entreprise|boite|pauvre|espece|sale)"
)

namespace ContactOS.Analytics.Sentiment.Lexicon;

/// <summary>
/// English contact-centre vocabulary. Valences run from about -3 (abuse, fraud, legal threats) through -1 (a
/// problem reported calmly) and +1.5 (thanks) to +3 (praise). Multi-word entries win over their words.
/// </summary>
internal static class EnglishLexicon
{
    public static LexiconTerms Terms { get; } = new(
        Valences:
        [
            // Threats to leave, complaints, legal action: the scale's 1.
            ("cancel", -2.3f), ("cancelling", -2.3f), ("canceling", -2.3f), ("cancelled", -1.8f), ("canceled", -1.8f),
            ("cancellation", -1.6f), ("unsubscribe", -1.2f), ("terminate", -1.2f), ("termination", -1.0f),
            ("leaving", -1.2f), ("or i leave", -1.5f), ("switching to", -1.6f), ("switch to another", -1.8f),
            ("another provider", -1.6f),
            ("another company", -1.5f), ("another bank", -1.5f), ("competitor", -1.5f), ("competitors", -1.5f),
            ("close my account", -1.8f), ("close my accounts", -1.8f), ("close all my accounts", -2.0f),
            ("complaint", -2.2f), ("complain", -2.0f), ("complaining", -1.8f), ("formal complaint", -2.6f),
            ("lawyer", -2.6f), ("lawyers", -2.6f), ("attorney", -2.6f), ("legal action", -2.6f), ("sue", -2.6f),
            ("court", -1.5f), ("report you", -2.2f), ("reporting you", -2.2f), ("regulator", -2.0f),
            ("ombudsman", -2.0f), ("consumer protection", -2.0f), ("trading standards", -2.0f), ("bbb", -2.0f),
             ("im done", -2.0f), ("done with you", -2.5f), ("had enough", -2.5f),
            ("enough is enough", -2.6f), ("fed up", -2.5f), ("sick of", -2.5f), ("sick and tired", -2.8f),
            ("thanks for nothing", -2.6f), ("thank you for nothing", -2.6f),
            ("demand", -1.5f), ("last time", -1.0f), ("not what i", -1.2f), ("running out", -1.2f),
            ("run out", -1.2f), ("ran out", -1.2f), ("compensation", -1.0f), ("money back", -1.2f), ("refund", -0.3f),
            ("refunds", -0.3f), ("manager", -0.6f), ("supervisor", -0.8f), ("real person", -1.0f),
            ("a human", -0.8f), ("going in circles", -1.5f), ("in circles", -1.2f),

            // Complaints as people tweet them, and wishes that say what is missing ("would love a reply").
            ("sucks", -2.5f), ("suck", -2.2f), ("sucked", -2.2f), ("worse", -2.0f), ("unhelpful", -2.2f),
            ("stranded", -2.2f), ("fail", -2.0f), ("epic fail", -2.6f),
            ("missed my", -1.5f), ("lost my", -1.6f), ("hold for", -1.2f), ("hour hold", -1.4f),
            ("would love", -0.8f), ("i wish", -0.8f), ("would be nice", -0.8f), ("how hard is it", -1.8f),
            ("how about", -0.6f),

            // Abuse and strong disappointment.
            ("worst", -3.0f), ("terrible", -2.7f), ("horrible", -2.8f), ("awful", -2.8f), ("dreadful", -2.7f),
            ("appalling", -2.9f), ("atrocious", -3.0f), ("abysmal", -3.0f), ("pathetic", -2.7f), ("shocking", -2.2f),
            ("disgusting", -3.0f), ("disgrace", -2.8f), ("disgraceful", -2.9f), ("shameful", -2.8f),
            ("shame", -1.8f), ("outrageous", -3.0f), ("unacceptable", -3.0f), ("ridiculous", -2.4f),
            ("absurd", -2.0f), ("joke", -1.6f), ("a joke", -2.2f), ("nonsense", -1.5f), ("insulting", -2.5f),
            ("scam", -3.0f), ("scammers", -3.0f), ("fraud", -2.6f), ("fraudulent", -2.8f), ("thieves", -3.0f),
            ("theft", -2.5f), ("rip off", -2.6f), ("ripoff", -2.6f), ("liars", -3.0f), ("lying", -2.5f),
            ("lied", -2.5f), ("lies", -2.4f), ("incompetent", -2.8f), ("incompetence", -2.8f),
            ("useless", -2.2f), ("worthless", -2.5f), ("rude", -2.2f), ("unprofessional", -2.2f),
            ("nightmare", -2.5f), ("disaster", -2.5f), ("chaos", -2.0f), ("mess", -1.5f), ("hate", -2.8f),
            ("furious", -3.0f), ("livid", -3.0f), ("angry", -2.5f), ("mad", -1.5f), ("upset", -2.0f),
            ("unhappy", -2.0f), ("dissatisfied", -2.0f), ("disappointed", -1.8f), ("disappointing", -1.8f),
            ("disappointment", -1.8f), ("fuming", -2.8f), ("bad", -1.5f), ("poor", -1.4f), ("sad", -1.5f),
            ("hung up", -2.0f), ("hang up", -1.5f), ("ignored", -1.6f), ("ignoring", -1.6f), ("waste", -1.8f),
            ("waste of time", -2.2f), ("overcharged", -2.0f), ("overcharging", -2.0f), ("hidden", -1.2f),
            ("stolen", -2.5f), ("stole", -2.5f), ("damage", -1.5f), ("damaged", -1.5f), ("broken", -1.5f),
            ("harassment", -2.5f), ("regret", -2.0f), ("seriously", -0.6f), ("unbelievable", -1.5f),

            // Problems, confusion, repeated questions: the scale's 2.
            ("problem", -1.0f), ("problems", -1.0f), ("issue", -0.8f), ("issues", -0.8f), ("trouble", -1.0f),
            ("error", -1.0f), ("errors", -1.0f), ("fault", -1.0f), ("faulty", -1.3f), ("glitch", -1.0f),
            ("bug", -0.8f), ("failed", -1.2f), ("failing", -1.2f), ("fails", -1.2f), ("failure", -1.2f),
            ("wrong", -1.2f), ("mistake", -1.0f), ("by mistake", -1.5f), ("incorrect", -1.2f),
            ("outage", -1.0f), ("is down", -1.0f), ("was down", -1.0f), ("went down", -1.0f), ("cut off", -1.5f),
            ("disconnected", -1.3f), ("dropping", -1.0f), ("drops", -1.0f), ("dropped", -1.0f),
            ("intermittent", -1.0f), ("slow", -1.0f), ("weak", -0.8f), ("delay", -1.0f), ("delayed", -1.0f),
            ("late", -0.8f), ("lost", -1.2f), ("missing", -1.2f), ("declined", -1.0f), ("rejected", -1.0f),
            ("blocked", -1.2f), ("denied", -1.2f), ("locked", -0.8f), ("unable", -0.8f), ("stuck", -1.0f),
            ("charged twice", -1.6f), ("twice", -0.8f), ("overcharge", -1.8f), ("fee", -0.4f), ("fees", -0.5f),
            ("late fee", -1.0f), ("expensive", -0.8f), ("confused", -1.2f), ("confusing", -1.2f),
            ("unclear", -1.0f), ("annoying", -1.2f), ("annoyed", -1.4f), ("frustrating", -1.5f),
            ("frustrated", -1.5f), ("frustration", -1.2f), ("worried", -1.2f), ("worries", -0.8f),
            ("stressed", -1.2f), ("tired", -1.2f), ("unfortunately", -0.8f), ("sorry", -0.3f), ("apologies", -0.3f),
            ("inconvenience", -0.6f), ("urgent", -0.8f), ("urgently", -0.8f), ("asap", -0.6f),
            ("immediately", -0.6f), ("stop", -0.6f), ("why", -0.8f), ("how come", -0.8f), ("hmm", -0.5f),
            ("hm", -0.5f), ("umm", -0.4f), ("what do you mean", -0.8f), ("on hold", -0.8f), ("waiting", -0.6f),
            ("still waiting", -1.3f), ("ages", -0.8f), ("forever", -0.6f), ("again", -0.9f), ("once again", -1.3f),
            ("again and again", -1.8f), ("already", -0.4f), ("the same", -0.4f),
            ("second time", -1.2f), ("third time", -1.6f), ("3rd time", -1.6f), ("fourth time", -1.8f),
            ("4th time", -1.8f), ("fifth time", -2.0f), ("three times", -1.5f), ("3 times", -1.5f),
            ("several times", -1.2f), ("many times", -1.2f), ("multiple times", -1.2f), ("so many times", -1.6f),
            ("a thousand times", -1.8f), ("already told", -1.5f), ("already explained", -1.5f),
            ("already said", -1.4f), ("as i said", -1.2f), ("i told you", -1.4f), ("one star", -2.5f),
            ("1 star", -2.5f), ("zero stars", -2.8f), ("no worries", 0.8f), ("nothing else", 0f),

            // Thanks and satisfaction: the scale's 4.
            ("thanks", 1.5f), ("thank", 1.5f), ("thx", 1.5f), ("ty", 1.2f), ("cheers", 1.0f), ("thanks again", 1.8f),
            ("thanks a lot", 2.0f), ("thank you very much", 2.2f), ("thank you so much", 2.3f),
            ("thanks so much", 2.3f), ("many thanks", 2.0f), ("appreciate", 1.5f), ("appreciated", 1.5f),
            ("grateful", 2.0f), ("thankful", 2.0f), ("good", 1.0f), ("great", 1.5f), ("nice", 1.0f),
            ("cool", 1.0f), ("fine", 0.5f), ("ok", 0.3f), ("alright", 0.3f), ("got it", 0.5f),
            ("understood", 0.5f), ("perfect", 1.5f), ("perfectly", 1.2f), ("happy", 1.5f), ("glad", 1.2f),
            ("pleased", 1.4f), ("satisfied", 1.4f), ("helpful", 1.5f), ("kind", 1.5f), ("friendly", 1.5f),
            ("polite", 1.2f), ("patient", 0.8f), ("patience", 0.6f), ("professional", 1.4f), ("efficient", 1.5f),
            ("fast", 0.6f), ("quick", 1.0f), ("quickly", 1.0f), ("speedy", 1.0f), ("easy", 1.0f), ("smooth", 1.0f),
            ("reliable", 1.5f), ("on time", 1.0f), ("welcome", 0.8f), ("pleasure", 2.0f), ("lovely", 1.8f),
            ("better", 0.8f), ("all good", 1.0f), ("problem solved", 1.5f), ("problem fixed", 1.5f),
            ("issue resolved", 1.5f),
            ("issue fixed", 1.5f), ("sorted", 1.0f), ("wow", 1.5f), ("yay", 1.5f),
            ("haha", 0.4f), ("hahaha", 0.4f), ("lol", 0.4f), ("xd", 0.8f),
            ("best regards", 0.3f), ("kind regards", 0.3f), ("best wishes", 0.8f), ("good morning", 0f),
            ("good afternoon", 0f), ("good evening", 0f), ("good night", 0f),

            // Praise and loyalty: the scale's 5.
            ("excellent", 2.8f), ("amazing", 2.8f), ("awesome", 2.5f), ("fantastic", 2.8f), ("wonderful", 2.8f),
            ("outstanding", 3.0f), ("superb", 2.8f), ("brilliant", 2.6f), ("incredible", 2.4f),
            ("exceptional", 3.0f), ("impressive", 2.2f), ("impressed", 2.2f), ("marvellous", 2.8f),
            ("marvelous", 2.8f), ("terrific", 2.6f), ("phenomenal", 3.0f), ("best", 2.5f), ("love", 2.5f),
            ("loved", 2.5f), ("loving", 2.2f), ("delighted", 2.6f), ("thrilled", 2.6f), ("ecstatic", 2.8f),
            ("well done", 2.0f), ("good job", 2.2f), ("great job", 2.4f), ("congrats", 2.2f),
            ("congratulations", 2.2f), ("bravo", 2.4f), ("kudos", 2.4f), ("lifesaver", 2.5f),
            ("saved my day", 2.6f), ("made my day", 2.6f), ("above and beyond", 2.8f), ("couldnt be happier", 3.0f),
            ("could not be happier", 3.0f), ("top notch", 2.6f), ("first class", 2.2f), ("world class", 2.5f),
            ("five stars", 2.8f), ("5 stars", 2.8f), ("10 10", 2.6f), ("loyal", 2.4f), ("loyalty", 1.5f),
            ("customer since", 2.4f), ("customer for", 2.0f), ("been with you", 2.0f), ("years with you", 2.4f),
            ("stay with you", 2.4f), ("for life", 2.4f), ("god bless", 2.0f), ("never again", -2.5f),
        ],
        Negatables:
        [
            // Neutral words whose negation is a complaint: "no answer", "without power", "never came".
            ("answer", 0f, -1.2f), ("answered", 0f, -1.2f), ("reply", 0f, -1.2f), ("replied", 0f, -1.2f),
            ("response", 0f, -1.2f), ("respond", 0f, -1.2f), ("responded", 0f, -1.2f), ("came", 0f, -1.2f),
            ("showed", 0f, -1.4f), ("shown", 0f, -1.2f), ("show", 0f, -1.0f), ("arrive", 0f, -1.2f),
            ("internet", 0f, -1.5f),
            ("wifi", 0f, -1.5f), ("power", 0f, -1.5f), ("electricity", 0f, -1.5f), ("service", 0f, -1.5f),
            ("signal", 0f, -1.2f), ("coverage", 0f, -1.2f), ("connection", 0f, -1.2f), ("connect", 0f, -1.2f),
            ("water", 0f, -1.5f), ("gas", 0f, -1.2f), ("heating", 0f, -1.2f), ("phone", 0f, -1.0f),
            ("line", 0f, -1.0f), ("data", 0f, -0.8f), ("access", 0f, -1.0f), ("log", 0f, -1.0f), ("login", 0f, -1.0f),
            ("load", 0f, -1.0f), ("loads", 0f, -1.0f), ("update", 0f, -0.8f), ("updated", 0f, -0.8f),
            ("recognise", 0f, -1.2f), ("recognize", 0f, -1.2f), ("idea", 0f, -1.0f), ("know", 0f, -0.6f),
            ("let", 0f, -0.8f), ("available", 0f, -0.8f), ("possible", 0f, -0.6f), ("notice", 0f, -1.2f),
            ("telling", 0f, -1.0f), ("warning", 0f, -1.0f), ("leave", 0f, 1.2f), ("buying", 0f, -2.0f),
            ("buy", 0f, -1.5f), ("buy again", 1.8f, -2.5f), ("get", 0f, -1.0f), ("got", 0f, -1.0f), ("have", 0f, -0.6f),
            ("care", 0f, -1.5f), ("cares", 0f, -1.5f), ("trust", 0.8f, -2.0f),
            // Things getting done: mildly positive, clearly negative when they do not happen.
            ("work", 0.3f, -1.3f), ("works", 0.8f, -1.3f), ("worked", 0.8f, -1.3f), ("working", 0.8f, -1.3f),
            ("fixed", 1.2f, -1.5f), ("fix", 0.2f, -1.2f), ("solved", 1.2f, -1.5f), ("resolved", 1.2f, -1.5f),
            ("solve", 0.2f, -1.2f), ("resolve", 0.2f, -1.2f), ("solution", 0.5f, -1.2f), ("received", 0.5f, -1.2f),
            ("processed", 0.5f, -1.0f),
            ("arrived", 0.6f, -1.2f), ("delivered", 0.5f, -1.0f), ("help", 0.3f, -1.2f), ("helped", 1.2f, -1.0f),
            ("helping", 0.6f, -1.0f), ("understand", 0.4f, -1.2f), ("sense", 0.6f, -1.2f), ("clear", 0.3f, -1.0f),
            ("sure", 0.2f, -0.9f), ("active", 0.4f, -0.8f), ("activated", 0.5f, -0.8f), ("done", 0.2f, -0.8f),
            ("recommend", 2.5f, -2.5f), ("recommended", 2.5f, -2.5f), ("disappoint", -1.8f, 1.5f),
            ("acceptable", 0.6f, -2.4f), ("exist", 0f, -1.5f), ("exists", 0f, -1.5f), ("okay", 0.3f, -1.2f),
        ],
        Modifiers:
        [
            ("very", 1.5f), ("really", 1.4f), ("so", 1.4f), ("extremely", 1.8f), ("super", 1.5f), ("too", 1.3f),
            ("incredibly", 1.7f), ("absolutely", 1.6f), ("totally", 1.5f), ("completely", 1.5f), ("truly", 1.4f),
            ("highly", 1.5f), ("deeply", 1.5f), ("utterly", 1.7f), ("exceptionally", 1.6f), ("particularly", 1.2f),
            ("especially", 1.2f), ("quite", 1.2f), ("pretty", 1.15f), ("such", 1.3f), ("most", 1.3f),
            ("much", 1.3f), ("definitely", 1.3f), ("seriously", 1.3f), ("insanely", 1.7f), ("way", 1.2f),
            ("a bit", 0.6f), ("a little", 0.6f), ("a little bit", 0.55f), ("slightly", 0.6f), ("somewhat", 0.7f),
            ("kind of", 0.7f), ("kinda", 0.7f), ("sort of", 0.7f), ("fairly", 0.8f), ("rather", 0.9f),
        ],
        Negators:
        [
            "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot",
            "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint", "nobody", "no one",
            "nothing", "none", "neither", "nor", "without", "hardly", "barely", "not even", "never again",
        ],
        Contrasts: ["but", "however", "although", "though"],
        NegationBoosters: ["at all", "whatsoever"],
        Persistence: ["still"]);
}

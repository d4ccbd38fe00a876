using ContactOS.Analytics.Sentiment;
using ContactOS.Analytics.Sentiment.Lexicon;

namespace ContactOS.Analytics.Tests.Sentiment;

public sealed class LexiconSentimentScorerTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    [InlineData("...?!")]
    public void Score_EmptyOrWhitespace_IsNeutral(string text) => Assert.Equal(3, _scorer.Score(text));

    [Fact]
    public void Score_Null_Throws() => Assert.Throws<ArgumentNullException>(() => _scorer.Score(null!));

    [Theory]
    [InlineData("What time do you open?")]
    [InlineData("¿Cuál es el saldo de mi cuenta?")]
    [InlineData("I'd like to add my wife to the account.")]
    [InlineData("Quiero saber cuándo vence mi factura.")]
    [InlineData("Let me check that for you.")]
    [InlineData("Le confirmo que el envío sale mañana.")]
    [InlineData("Buenas tardes, ¿me pasa el número de la incidencia?")]
    [InlineData("Good morning, I need help with my bill")]
    public void Score_FactualRequestsAndAgentStatements_AreNeutral(string text) => Assert.Equal(3, _scorer.Score(text));

    [Theory]
    [InlineData("I want to cancel my contract.", 1)]
    [InlineData("Quiero darme de baja.", 1)]
    [InlineData("Voy a hablar con mi abogado.", 1)]
    [InlineData("Worst bank ever.", 1)]
    [InlineData("Pésimo servicio.", 1)]
    [InlineData("I will file a complaint.", 1)]
    [InlineData("Voy a poner una queja.", 1)]
    [InlineData("This is the third time I ask the same thing.", 2)]
    [InlineData("Ya les dije cuál es mi dirección.", 2)]
    [InlineData("Otra vez me pide el código.", 2)]
    [InlineData("I don't understand the bill.", 2)]
    [InlineData("Thank you.", 4)]
    [InlineData("Gracias.", 4)]
    [InlineData("Perfect, that's all.", 4)]
    [InlineData("Perfecto, eso es todo.", 4)]
    [InlineData("Excellent service, I recommend you to everyone!", 5)]
    [InlineData("Excelente atención, los recomiendo.", 5)]
    [InlineData("Loyal customer for twenty years and proud of it.", 5)]
    [InlineData("Cliente desde hace años y muy contento.", 5)]
    public void Score_ContactCentreVocabulary_FollowsTheScale(string text, int expected) =>
        Assert.Equal(expected, _scorer.Score(text));

    [Theory]
    [InlineData("I am happy with the new plan.", "I am not happy with the new plan.")]
    [InlineData("The router works.", "The router doesn't work.")]
    [InlineData("El router funciona.", "El router no funciona.")]
    [InlineData("Me contestaron enseguida.", "Nunca me contestaron.")]
    [InlineData("Estoy contento.", "No estoy nada contento.")]
    [InlineData("Me gusta la app.", "Ni me gusta la app.")]
    public void Score_Negation_TurnsPositiveIntoNegative(string positive, string negated)
    {
        Assert.True(_scorer.Score(positive) >= 3, $"'{positive}' scored {_scorer.Score(positive)}");
        Assert.True(_scorer.Score(negated) <= 2, $"'{negated}' scored {_scorer.Score(negated)}");
    }

    [Theory]
    [InlineData("There is a problem with my bill.", "No problem at all, thanks.")]
    [InlineData("Tuve problemas con el pago.", "Lo pagué sin problemas.")]
    [InlineData("You always disappoint me.", "You never disappoint me.")]
    [InlineData("Siempre me han fallado.", "Nunca me han fallado.")]
    public void Score_NegatedComplaint_IsNotNegative(string complaint, string negated)
    {
        Assert.True(_scorer.Score(complaint) <= 2, $"'{complaint}' scored {_scorer.Score(complaint)}");
        Assert.True(_scorer.Score(negated) >= 4, $"'{negated}' scored {_scorer.Score(negated)}");
    }

    [Theory]
    [InlineData("I'm disappointed.", "I'm very disappointed.")]
    [InlineData("I'm disappointed.", "I'm extremely disappointed.")]
    [InlineData("Estoy decepcionado.", "Estoy muy decepcionado.")]
    [InlineData("Estoy molesto.", "Estoy súper molesto.")]
    [InlineData("The app is good.", "The app is really good.")]
    [InlineData("La app es buena.", "La app es bastante buena.")]
    [InlineData("Estoy contento.", "Estoy contentísimo.")]
    public void Score_Intensifiers_StrengthenTheWordTheyModify(string plain, string intensified)
    {
        var plainScore = LexiconAnalyzer.RawScore(plain);
        var intensifiedScore = LexiconAnalyzer.RawScore(intensified);
        Assert.True(Math.Abs(intensifiedScore) > Math.Abs(plainScore), $"{plain}: {plainScore}; {intensified}: {intensifiedScore}");
        Assert.Equal(Math.Sign(plainScore), Math.Sign(intensifiedScore));
    }

    [Theory]
    [InlineData("I'm extremely disappointed.", 1, "I'm a bit disappointed.", 2)]
    [InlineData("Estoy muy decepcionada.", 1, "Estoy un poco decepcionada.", 2)]
    [InlineData("I'm extremely happy!", 5, "I'm happy.", 4)]
    public void Score_IntensifiersAndDiminishers_MoveTheLabel(string strong, int strongLabel, string weak, int weakLabel)
    {
        Assert.Equal(strongLabel, _scorer.Score(strong));
        Assert.Equal(weakLabel, _scorer.Score(weak));
    }

    [Fact]
    public void Score_ExclamationsAndCapitals_AddEmphasis()
    {
        Assert.Equal(2, _scorer.Score("The service is bad."));
        Assert.Equal(1, _scorer.Score("The service is BAD!!!"));
        Assert.True(LexiconAnalyzer.RawScore("Thanks!!") > LexiconAnalyzer.RawScore("Thanks"));
        Assert.True(LexiconAnalyzer.RawScore("GRACIAS") > LexiconAnalyzer.RawScore("gracias"));
    }

    [Theory]
    [InlineData("ok 😡", 1)]
    [InlineData("ok 😠", 1)]
    [InlineData("Recibido 😞", 2)]
    [InlineData("Recibido 🙁", 2)]
    [InlineData("ok 🙂", 4)]
    [InlineData("Recibido 😊", 4)]
    [InlineData("Recibido 👍", 4)]
    [InlineData("Recibido 👎", 2)]
    [InlineData("❤️", 4)]
    [InlineData("🙏", 4)]
    [InlineData("Llegó hoy 😍", 5)]
    [InlineData("Got it :)", 4)]
    [InlineData("Got it :-)", 4)]
    [InlineData("still waiting :(", 2)]
    [InlineData("sigo esperando :'(", 2)]
    [InlineData("<3", 4)]
    [InlineData("Love it <3", 5)]
    public void Score_EmojiAndEmoticons_CarrySentiment(string text, int expected) => Assert.Equal(expected, _scorer.Score(text));

    [Theory]
    [InlineData("The technician comes at 8:30 tomorrow.")]
    [InlineData("See http://example.com/help for the form.")]
    [InlineData("Reference: D-4471, amount: 12.50")]
    public void Score_ColonsInTimesAndLinks_AreNotEmoticons(string text) => Assert.Equal(3, _scorer.Score(text));

    [Theory]
    [InlineData("atención pésima", "atencion pesima")]
    [InlineData("atención pésima", "ATENCIÓN PÉSIMA")]
    [InlineData("atención pésima", "Atencio\u0301n pe\u0301sima")]
    [InlineData("Excelente atención, muchísimas gracias", "excelente atencion, muchisimas gracias")]
    [InlineData("No me llegó el código", "no me llego el codigo")]
    [InlineData("¿Por qué me cobran esto?", "por que me cobran esto")]
    [InlineData("Estoy furiosa", "estoy furiosa")]
    public void Score_SpanishWithoutAccentsOrInCapitals_ScoresLikeTheAccentedText(string accented, string variant)
    {
        Assert.Equal(_scorer.Score(accented), _scorer.Score(variant));
        Assert.NotEqual(3, _scorer.Score(variant));
    }

    [Theory]
    [InlineData("Estoy furioso.", "Estoy furiosa.")]
    [InlineData("Es un problema.", "Son problemas.")]
    [InlineData("El técnico fue muy amable.", "Las técnicas fueron muy amables.")]
    public void Score_SpanishFeminineAndPluralForms_ScoreLikeTheMasculineSingular(string masculine, string inflected) =>
        Assert.Equal(_scorer.Score(masculine), _scorer.Score(inflected));

    [Fact]
    public void Score_ContrastWithBut_FavoursWhatFollows()
    {
        Assert.Equal(2, _scorer.Score("Thanks, but it still doesn't work."));
        Assert.Equal(2, _scorer.Score("Gracias, pero sigue sin funcionar."));
        Assert.Equal(4, _scorer.Score("I had a problem, but you fixed it quickly, thanks."));
    }

    [Fact]
    public void Score_VeryLongText_IsScoredWhole()
    {
        var neutral = string.Concat(Enumerable.Repeat("I am writing about my account number and the address on file. ", 2_000));
        Assert.True(neutral.Length > 100_000);
        Assert.Equal(3, _scorer.Score(neutral));
        Assert.Equal(1, _scorer.Score(neutral + "This is a scam and I want to cancel everything."));
        Assert.Equal(5, _scorer.Score(string.Concat(Enumerable.Repeat("Gracias, excelente atención. ", 5_000))));
        Assert.Equal(1, _scorer.Score(string.Concat(Enumerable.Repeat("😡", 50_000))));
    }

    [Theory]
    [InlineData("Your app sucks, it crashed again")]
    [InlineData("Worse service every month")]
    [InlineData("The agent on the phone was completely unhelpful")]
    [InlineData("Stranded at the station for five hours and nobody tells us anything")]
    [InlineData("El servicio es una mierda")]
    [InlineData("Vuelo cancelado y ni un mensaje de aviso")]
    [InlineData("This is NOT acceptable")]
    [InlineData("Great job team, my reservation doesn't exist anymore?")]
    [InlineData("Thanks for the two hour hold, still no answer")]
    [InlineData("Would love consistent policies between your stores")]
    [InlineData("I would love it if someone answered the phone")]
    public void Score_ComplaintsTheLexiconAloneMissed_AreNegative(string text) =>
        Assert.True(_scorer.Score(text) <= 2, $"'{text}' scored {_scorer.Score(text)}");

    [Theory]
    [InlineData("Great job team, the new app is so much faster!")]
    [InlineData("Thanks for sorting it out so quickly")]
    [InlineData("Me encanta el nuevo plan, gracias")]
    public void Score_PraiseWithoutAComplaint_StaysPositive(string text) =>
        Assert.True(_scorer.Score(text) >= 4, $"'{text}' scored {_scorer.Score(text)}");

    [Fact]
    public void Score_TypicalMessage_AllocatesNothing()
    {
        const string Message = "Es la segunda vez que escribo, el router sigue sin funcionar y nadie me da una solución 😠";
        _scorer.Score(Message);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var score = _scorer.Score(Message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1, score);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task ScoreAsync_ScoresEachTextOfTheBatchInOrder()
    {
        Assert.Equal(new[] { 1, 3, 5 }, await _scorer.ScoreAsync(["Quiero cancelar, es una estafa.", "", "Excellent service, thank you!"], CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await _scorer.ScoreAsync(["Gracias"], new CancellationToken(canceled: true)));
    }
}

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Message texts by author and sentiment (1 very negative ... 5 very positive), in English and Spanish, so that a
/// scorer given text without a score has something realistic to score.
/// </summary>
internal static class Phrases
{
    private static readonly string[][] s_customerEnglish =
    [
        ["This is unacceptable, I want to cancel my contract today.", "Third time I'm writing about this. I'm done with you.", "You charged me twice and nobody answers. Terrible service."],
        ["I don't understand, I already sent that document.", "Still not working, I've tried that twice.", "Why is my bill higher than last month?"],
        ["I'd like to check the status of my order.", "Can you tell me which plan I have?", "I need to update my address."],
        ["Thanks, that's helpful.", "Great, it works now.", "Perfect, thank you for the quick answer."],
        ["Excellent service, I'll recommend you to my friends!", "You're amazing, best support I've ever had.", "Fantastic, I've been a customer for years and love it."],
    ];

    private static readonly string[][] s_customerSpanish =
    [
        ["Esto es inaceptable, quiero darme de baja hoy mismo.", "Es la tercera vez que escribo. Estoy harto.", "Me habéis cobrado dos veces y nadie responde. Pésimo servicio."],
        ["No lo entiendo, ya envié ese documento.", "Sigue sin funcionar, ya lo he probado dos veces.", "¿Por qué mi factura es más alta que el mes pasado?"],
        ["Quiero consultar el estado de mi pedido.", "¿Me podéis decir qué tarifa tengo?", "Necesito cambiar mi dirección."],
        ["Gracias, me sirve.", "Genial, ya funciona.", "Perfecto, gracias por la rapidez."],
        ["¡Servicio excelente, os recomendaré a mis amigos!", "Sois geniales, la mejor atención que he tenido.", "Fantástico, llevo años con vosotros y encantado."],
    ];

    // Staff (the AI and human agents) are never very negative, so level 1 reuses level 2.
    private static readonly string[][] s_staffEnglish =
    [
        ["I'm sorry, I couldn't find that information.", "Unfortunately that option isn't available on your plan.", "I'm sorry for the inconvenience."],
        ["I'm sorry, I couldn't find that information.", "Unfortunately that option isn't available on your plan.", "I'm sorry for the inconvenience."],
        ["Let me check that for you.", "Could you confirm your customer number?", "I'm looking up your account now."],
        ["Done, your request has been processed.", "Glad I could help. Anything else?", "Your document has been validated."],
        ["Wonderful! Thank you for being such a loyal customer.", "Great news: I've applied a discount to your next bill.", "Thank you so much, it was a pleasure to help!"],
    ];

    private static readonly string[][] s_staffSpanish =
    [
        ["Lo siento, no he encontrado esa información.", "Por desgracia esa opción no está disponible en tu tarifa.", "Disculpa las molestias."],
        ["Lo siento, no he encontrado esa información.", "Por desgracia esa opción no está disponible en tu tarifa.", "Disculpa las molestias."],
        ["Déjame comprobarlo.", "¿Puedes confirmar tu número de cliente?", "Estoy consultando tu cuenta."],
        ["Listo, tu solicitud está tramitada.", "Me alegro de haber ayudado. ¿Algo más?", "Tu documento ha sido validado."],
        ["¡Estupendo! Gracias por tu fidelidad.", "Buenas noticias: te he aplicado un descuento en la próxima factura.", "¡Muchas gracias, ha sido un placer ayudarte!"],
    ];

    public static string Pick(Random random, string role, int sentiment, bool spanish)
    {
        var bank = role == "customer"
            ? spanish ? s_customerSpanish : s_customerEnglish
            : spanish ? s_staffSpanish : s_staffEnglish;
        return random.Pick(bank[Math.Clamp(sentiment, 1, 5) - 1]);
    }
}

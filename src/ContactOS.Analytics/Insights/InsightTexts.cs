using System.Globalization;

namespace ContactOS.Analytics.Insights;

/// <summary>The sentences of insights, in English (<c>en</c>) or Spanish (<c>es</c>).</summary>
public static class InsightTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "es"];

    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo s_spanish = CultureInfo.GetCultureInfo("es-ES");

    private static readonly Dictionary<string, (string En, string Es)> s_reasons = new(StringComparer.Ordinal)
    {
        ["complex_request"] = ("complex requests", "solicitudes complejas"),
        ["billing"] = ("billing", "facturación"),
        ["complaint"] = ("complaints", "quejas"),
        ["loop_guard"] = ("the loop guard", "la protección contra bucles"),
        ["other"] = ("other reasons", "otros motivos"),
    };

    public static bool IsSupported(string? lang) => lang is "en" or "es";

    public static string Describe(InsightFinding finding, string lang)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var es = lang == "es";
        var culture = es ? s_spanish : s_english;
        string Format(FormattableString text) => text.ToString(culture);
        string Percent(double fraction) => Format($"{fraction * 100:0.0}") + (es ? " %" : "%");
        string Points(double current, double previous) => Format($"{Math.Abs(current - previous) * 100:0.0}");
        string Count(double value) => ((long)value).ToString("N0", culture);

        return finding.Rule switch
        {
            InsightRules.AiResolutionRateUp => es
                ? $"La tasa de resolución por IA subió {Points(finding.Current, finding.Previous)} puntos, hasta el {Percent(finding.Current)}."
                : $"AI resolution rate rose {Points(finding.Current, finding.Previous)} points to {Percent(finding.Current)}.",
            InsightRules.AiResolutionRateDown => es
                ? $"La tasa de resolución por IA bajó {Points(finding.Current, finding.Previous)} puntos, hasta el {Percent(finding.Current)}."
                : $"AI resolution rate fell {Points(finding.Current, finding.Previous)} points to {Percent(finding.Current)}.",
            InsightRules.SatisfactionUp => es
                ? Format($"La satisfacción subió de {finding.Previous:0.00} a {finding.Current:0.00} sobre 5.")
                : Format($"Satisfaction rose from {finding.Previous:0.00} to {finding.Current:0.00} out of 5."),
            InsightRules.SatisfactionDown => es
                ? Format($"La satisfacción bajó de {finding.Previous:0.00} a {finding.Current:0.00} sobre 5.")
                : Format($"Satisfaction fell from {finding.Previous:0.00} to {finding.Current:0.00} out of 5."),
            InsightRules.AiResolutionRateSteady => es
                ? $"La tasa de resolución por IA se mantuvo en el {Percent(finding.Current)} ({Percent(finding.Previous)} en el periodo anterior)."
                : $"AI resolution rate held at {Percent(finding.Current)} ({Percent(finding.Previous)} in the previous period).",
            InsightRules.SatisfactionSteady => es
                ? Format($"La satisfacción se mantuvo en {finding.Current:0.00} sobre 5 ({finding.Previous:0.00} en el periodo anterior).")
                : Format($"Satisfaction held at {finding.Current:0.00} out of 5 ({finding.Previous:0.00} in the previous period)."),
            InsightRules.TooFewToCompare => es
                ? $"Pocas conversaciones para comparar con el periodo anterior: {Count(finding.Current)} en este y {Count(finding.Previous)} en el anterior (hacen falta {InsightRules.MinimumConversations} en cada uno)."
                : $"Too few conversations to compare with the previous period: {Count(finding.Current)} in this one and {Count(finding.Previous)} in the previous one ({InsightRules.MinimumConversations} needed in each).",
            InsightRules.PendingHigh => es
                ? $"{Count(finding.Current)} conversaciones esperan a un agente humano, el {Percent(finding.Current / finding.Previous)} de las del periodo."
                : $"{Count(finding.Current)} conversations are waiting for a human agent, {Percent(finding.Current / finding.Previous)} of the period's conversations.",
            _ when finding.Reason is { } reason => es
                ? $"Las derivaciones por {s_reasons[reason].Es} subieron de {Count(finding.Previous)} a {Count(finding.Current)}."
                : $"Handoffs for {s_reasons[reason].En} rose from {Count(finding.Previous)} to {Count(finding.Current)}.",
            _ => throw new ArgumentException($"Unknown insight rule '{finding.Rule}'.", nameof(finding)),
        };
    }
}

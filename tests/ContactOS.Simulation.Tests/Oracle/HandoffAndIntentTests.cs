using static ContactOS.Simulation.Tests.Oracle.Scenario;

namespace ContactOS.Simulation.Tests.Oracle;

public sealed class HandoffAndIntentTests
{
    private const string Now = "2026-01-15T10:37:00Z";

    [Fact]
    public void Every_reason_is_listed_in_vocabulary_order_with_zeros()
    {
        var truth = new Scenario().Conversation("c1", "2026-01-15T09:00:00Z", handoffReason: "loop_guard").Truth();

        var reasons = truth.HandoffReasons(Tenant, Period("today", Now));

        Assert.Equal(["complex_request", "billing", "complaint", "loop_guard", "other"], reasons.Reasons.Select(r => r.Name));
        Assert.Equal([0, 0, 0, 1, 0], reasons.Reasons.Select(r => r.Count));
    }

    [Fact]
    public void The_earliest_handoff_decides_the_reason_even_when_it_arrives_last()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Handoff("c1", "2026-01-15T09:20:00Z", "billing")
            .Handoff("c1", "2026-01-15T09:10:00Z", "complaint")
            .Truth();

        var reasons = truth.HandoffReasons(Tenant, Period("today", Now));

        Assert.Equal(1, reasons["complaint"]);
        Assert.Equal(0, reasons["billing"]);
    }

    [Fact]
    public void An_intent_detected_twice_counts_once_for_its_conversation()
    {
        var truth = new Scenario()
            .Started("c1", "2026-01-15T09:00:00Z")
            .Intent("c1", "2026-01-15T09:01:00Z", "cancel")
            .Intent("c1", "2026-01-15T09:02:00Z", "cancel")
            .Intent("c1", "2026-01-15T09:03:00Z", "billing_question")
            .Started("c2", "2026-01-15T09:30:00Z")
            .Intent("c2", "2026-01-15T09:31:00Z", "cancel")
            .Truth();

        var top = truth.TopIntents(Tenant, Period("today", Now));

        Assert.Equal([new("cancel", 2), new("billing_question", 1)], top.Intents);
    }

    [Fact]
    public void Top_intents_keeps_five_with_ties_broken_by_name()
    {
        var scenario = new Scenario();
        string[] intents = ["order_status", "cancel", "modify_plan", "billing_question", "service_check", "validate_document"];
        int[] conversations = [1, 3, 2, 2, 2, 2];
        var n = 0;
        for (var i = 0; i < intents.Length; i++)
        {
            for (var j = 0; j < conversations[i]; j++)
            {
                var id = "c" + n++;
                scenario.Started(id, "2026-01-15T09:00:00Z").Intent(id, "2026-01-15T09:01:00Z", intents[i]);
            }
        }

        var top = scenario.Truth().TopIntents(Tenant, Period("today", Now));

        Assert.Equal(["cancel", "billing_question", "modify_plan", "service_check", "validate_document"], top.Intents.Select(i => i.Name));
    }
}

using ContactOS.Analytics.Events;
using ContactOS.Analytics.Settings;

namespace ContactOS.Simulation.Traffic;

/// <summary>
/// Writes one conversation's events in event-time order: start, customer and AI messages (on two models priced
/// differently), intents (sometimes a low-confidence fallback first), tool calls, then one of the outcomes: resolved by
/// the AI (sometimes reopened and handed to a human), handed off to a human (with every ending: resolved by the human
/// or back by the AI, left pending, left active; sometimes transferred to a second agent), or abandoned while active
/// (a few before any intent was detected).
/// Customers sometimes write again after a resolution, within a day or later. Closing and feedback (CSAT, NPS or both)
/// follow most resolutions; most conversations left hanging are closed a day or two later. Pace scales every wait: 1
/// for realistic batch traffic, less for a live demo where conversations should play out in seconds or minutes.
/// </summary>
internal sealed class ConversationWriter(TenantProfile tenant, Random random, double aiResolvedShare, double pace)
{
    private static readonly string[] s_channels = ["web", "whatsapp", "voice", "email", "sms"];
    private static readonly double[] s_channelWeights = [0.38, 0.32, 0.14, 0.10, 0.06];
    private static readonly double[] s_reasonWeights = [0.34, 0.26, 0.20, 0.12, 0.08];
    private static readonly double[] s_moodWeights = [0.08, 0.17, 0.45, 0.20, 0.10];
    private static readonly HashSet<string> s_billingIntents = ["billing_question", "payment_issue", "refund_request"];

    // What the NLU detects when it understands nothing better, at a low confidence.
    private static readonly string s_fallbackIntent = AnalyticsSettings.DefaultFallbackIntents[0];

    private static readonly Dictionary<string, string> s_tools = new()
    {
        ["service_check"] = "check_service_status",
        ["validate_document"] = "validate_document",
        ["cancel"] = "cancel_subscription",
        ["modify_plan"] = "update_plan",
        ["order_status"] = "lookup_order",
        ["billing_question"] = "get_invoice",
        ["technical_support"] = "run_line_diagnostics",
        ["change_address"] = "update_address",
        ["payment_issue"] = "get_payment_history",
        ["upgrade_plan"] = "update_plan",
        ["refund_request"] = "create_refund",
        ["password_reset"] = "reset_password",
        ["delivery_delay"] = "lookup_order",
        ["store_hours"] = "find_store",
    };

    public TenantProfile Tenant => tenant;

    public IReadOnlyList<ContactEvent> Write(DateTimeOffset start)
    {
        var script = new Script(tenant, random, pace, tenant.NextConversationId(), start, random.Chance(tenant.SpanishShare));
        var mood = random.PickWeighted(s_moodWeights) + 1;
        var intent = tenant.PickIntent(random);

        script.Started(s_channels[random.PickWeighted(s_channelWeights)]);
        script.Wait(1, 20).Message("customer", mood);
        if (random.Chance(0.02))
        {
            // The customer leaves before the AI made anything of it: abandoned without an intent.
            CloseWhenStale(script);
            return script.Events;
        }

        if (random.Chance(0.07))
        {
            // Not understood at first: the customer rephrases.
            script.Wait(0.2, 2).Fallback();
            script.Wait(1, 6).Message("ai", 3);
            script.Wait(5, 40).Message("customer", mood);
        }

        script.Wait(0.2, 2).Intent(intent);
        if (random.Chance(0.1))
        {
            // The same intent detected again: it must still count once for the conversation.
            script.Wait(1, 5).Intent(intent);
        }

        script.Wait(1, 6).Message("ai", 3);
        if (random.Chance(0.6))
        {
            script.Wait(0.5, 3).ToolCall(intent);
        }

        var rounds = random.Next(0, 3);
        for (var i = 0; i < rounds; i++)
        {
            script.Wait(10, 90).Message("customer", Math.Clamp(mood + random.Next(-1, 2), 1, 5));
            if (random.Chance(0.15))
            {
                script.Wait(0.2, 2).Intent(tenant.PickIntent(random));
            }

            script.Wait(2, 8).Message("ai", random.Next(3, 5));
        }

        var outcome = random.NextDouble();
        if (outcome < aiResolvedShare)
        {
            ResolvedByAi(script, mood, intent);
        }
        else if (outcome < aiResolvedShare + ((1 - aiResolvedShare) * 0.9))
        {
            script.Wait(5, 60).Handoff(PickReason(intent, mood));
            if (random.Chance(0.05))
            {
                // A second handoff with another reason (a loop, a re-escalation): only the first one's reason counts.
                script.Wait(60, 600).Handoff(EventVocabulary.HandoffReasons[random.PickWeighted(s_reasonWeights)]);
            }

            HumanPhase(script, mood);
        }
        else
        {
            // Abandoned: the customer stops answering and the conversation stays active.
            if (random.Chance(0.25))
            {
                script.Wait(5, 60).Message("customer", 2);
                script.Wait(0.2, 2).Fallback();
            }

            if (random.Chance(0.5))
            {
                script.Wait(30, 600).Message("customer", 2);
            }

            CloseWhenStale(script);
        }

        return script.Events;
    }

    private void ResolvedByAi(Script script, int mood, string intent)
    {
        script.Wait(2, 10).Message("ai", 4);
        script.Wait(10, 120).Message("customer", mood >= 4 ? mood : random.Next(4, 6));
        script.Wait(1, 30).Resolved("ai");
        if (random.Chance(0.03))
        {
            // Reopened later and escalated: it is no longer resolved by AI, and its latest resolution is a human's.
            script.Wait(600, 6 * 3600).Message("customer", random.Next(1, 3));
            script.Wait(5, 60).Handoff(PickReason(intent, 1));
            HumanPhase(script, 2);
            return;
        }

        if (random.Chance(0.05))
        {
            // A last word after the resolution: the conversation is reopened, still resolved by AI.
            script.Wait(60, 4 * 3600).Message("customer", 4);
        }

        CloseAndFeedback(script, mood, closeChance: 0.92);
    }

    private void HumanPhase(Script script, int mood)
    {
        if (random.Chance(0.06))
        {
            // Nobody picks it up: it stays pending (left open a little more often, so a history keeps a few pending).
            script.Wait(120, 900).Message("customer", 2);
            CloseWhenStale(script, closeChance: 0.8);
            return;
        }

        var agent = random.Pick(tenant.Agents);
        script.Wait(30, 1200).Assigned(agent.Id);
        script.Wait(5, 60).Message("agent", 3);
        if (tenant.Agents.Count > 1 && random.Chance(0.08))
        {
            // Transferred to a colleague.
            var colleague = tenant.Agents.Where(a => a != agent).ToList();
            script.Wait(60, 900).Assigned(random.Pick(colleague).Id);
            script.Wait(5, 60).Message("agent", 3);
        }
        else if (random.Chance(0.03))
        {
            // The same agent assigned again (a routing retry): not a transfer.
            script.Wait(5, 60).Assigned(agent.Id);
        }

        var rounds = random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            script.Wait(15, 180).Message("customer", Math.Clamp(mood + random.Next(0, 2), 1, 5));
            script.Wait(10, 120).Message("agent", random.Next(3, 6));
        }

        if (random.Chance(0.04))
        {
            // The agent is still on it, or has forgotten it.
            CloseWhenStale(script);
            return;
        }

        // Sometimes the agent hands the conversation back and the AI closes the case: still a human resolution.
        script.Wait(30, 600).Resolved(random.Chance(0.08) ? "ai" : "human");
        var afterwards = random.NextDouble();
        if (afterwards < 0.12)
        {
            // The customer writes again within the day: reopened.
            script.Wait(300, 20 * 3600).Message("customer", Math.Max(mood - 1, 1));
        }
        else if (afterwards < 0.17)
        {
            // ... or comes back days later: a new matter, not a reopening.
            script.Wait(26 * 3600, 72 * 3600).Message("customer", mood);
        }

        CloseAndFeedback(script, Math.Min(mood + 1, 5), closeChance: 0.88);
    }

    private void CloseAndFeedback(Script script, int mood, double closeChance)
    {
        if (random.Chance(closeChance))
        {
            script.Wait(60, 1800).Closed();
        }

        if (random.Chance(0.35))
        {
            int? csat = random.Chance(0.8) ? Math.Clamp(mood + random.Next(-1, 2), 1, 5) : null;
            int? nps = csat is null || random.Chance(0.6) ? Math.Clamp((mood * 2) + random.Next(-2, 2), 0, 10) : null;
            script.Wait(30, 3600).Feedback(csat, nps);
            if (random.Chance(0.05))
            {
                // The customer changes their mind: the latest answer counts.
                script.Wait(60, 3600).Feedback(random.Next(1, 6), null);
            }
        }
    }

    // Platforms close conversations left hanging after a day or two, so the live gauges show the recent ones; a few
    // stay open for good, unless the tenant's platform closes every one (a model's: months of history would otherwise
    // pile up open conversations in the gauges).
    private void CloseWhenStale(Script script, double closeChance = 0.9)
    {
        if (tenant.ClosesEveryStaleConversation || random.Chance(closeChance))
        {
            script.Wait(2 * 3600, 48 * 3600).Closed();
        }
    }

    private string PickReason(string intent, int mood)
    {
        if (s_billingIntents.Contains(intent) && random.Chance(0.5))
        {
            return "billing";
        }

        if (mood == 1 && random.Chance(0.5))
        {
            return "complaint";
        }

        return EventVocabulary.HandoffReasons[random.PickWeighted(s_reasonWeights)];
    }

    /// <summary>One conversation being written: its id, its clock and the events so far.</summary>
    private sealed class Script(TenantProfile tenant, Random random, double pace, string conversationId, DateTimeOffset start, bool spanish)
    {
        private DateTimeOffset _at = start;

        public List<ContactEvent> Events { get; } = [];

        public Script Wait(double minSeconds, double maxSeconds)
        {
            var seconds = random.Uniform(minSeconds, maxSeconds) * pace;
            _at += TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(seconds * 1000)));
            return this;
        }

        public void Started(string channel) => Events.Add(Next(EventTypes.ConversationStarted) with { Channel = channel });

        /// <summary>Half the messages carry a score (and text), a third text only, the rest neither.</summary>
        public void Message(string role, int sentiment)
        {
            var form = random.NextDouble();
            var text = form < 0.85 ? Phrases.Pick(random, role, sentiment, spanish) : null;
            int? score = form < 0.5 ? sentiment : null;
            int? tokens = role == "ai" ? random.Next(50, 600) : null;
            var (model, pricePerToken) = tokens is null ? (null, 0m) : random.Chance(0.2) ? ("gpt-4o", 0.0000125m) : ("gpt-4o-mini", 0.000002m);
            Events.Add(Next(EventTypes.Message) with
            {
                Role = role,
                Text = text,
                Sentiment = score,
                Tokens = tokens,
                Cost = tokens * pricePerToken,
                Model = model,
            });
        }

        public void Intent(string intent) =>
            Events.Add(Next(EventTypes.IntentDetected) with { Intent = intent, Confidence = Math.Round(random.Uniform(0.55, 0.99), 2) });

        public void Fallback() =>
            Events.Add(Next(EventTypes.IntentDetected) with { Intent = s_fallbackIntent, Confidence = Math.Round(random.Uniform(0.1, 0.6), 2) });

        public void ToolCall(string intent) =>
            Events.Add(Next(EventTypes.ToolCalled) with
            {
                Tool = s_tools.GetValueOrDefault(intent, "search_knowledge_base"),
                // Ingestion requires success (docs/events.md); a platform may leave out the latency.
                Success = random.Chance(0.9),
                LatencyMs = random.Chance(0.05) ? null : random.Next(80, 2500),
            });

        public void Handoff(string reason) => Events.Add(Next(EventTypes.HandoffRequested) with { Reason = reason });

        public void Assigned(string agentId) => Events.Add(Next(EventTypes.AgentAssigned) with { AgentId = agentId });

        public void Resolved(string by) => Events.Add(Next(EventTypes.ConversationResolved) with { By = by });

        public void Closed() => Events.Add(Next(EventTypes.ConversationClosed));

        public void Feedback(int? csat, int? nps) => Events.Add(Next(EventTypes.Feedback) with { Csat = csat, Nps = nps });

        private ContactEvent Next(string type) => new()
        {
            Id = tenant.NextEventId(),
            Type = type,
            Timestamp = tenant.Stamp(random, _at),
            ConversationId = conversationId,
        };
    }
}

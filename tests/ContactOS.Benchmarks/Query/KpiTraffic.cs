using ContactOS.Analytics.Events;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// Small conversations of one tenant, started at random over the 100 days before <paramref name="now"/>, the same for
/// the same seed so that they can be produced twice (once for HTTP, once for the raw table) without being kept in
/// memory. Each is a start, an intent, a customer message with its sentiment given, and one of the outcomes: resolved
/// by the AI, handed off and resolved by a human, handed off and then closed by the AI (a human resolution by the
/// "no handoff ever" rule), handed off and still pending, or still active. Most resolutions are followed by a close.
/// Every event lies at least a quarter of an hour before <paramref name="now"/>.
/// </summary>
internal sealed class KpiTraffic(int conversations, DateTimeOffset now, int seed = 7)
{
    public const string TenantId = "bench-kpis";

    private static readonly string[] s_intents =
        ["billing_question", "order_status", "technical_support", "cancel", "password_reset", "refund_request", "modify_plan", "store_hours"];

    private static readonly int[] s_moodWeights = [8, 17, 45, 20, 10];

    public int Conversations { get; } = conversations;

    /// <summary>Whole seconds: timestamps then mean the same instant in .NET, in JSON and in PostgreSQL.</summary>
    public DateTimeOffset Now { get; } = new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public IEnumerable<IReadOnlyList<ContactEvent>> Generate()
    {
        var random = new Random(seed);
        var first = Now - TimeSpan.FromDays(100);
        var span = (int)(TimeSpan.FromDays(100) - TimeSpan.FromHours(1)).TotalSeconds;
        for (var index = 0; index < Conversations; index++)
        {
            var conversation = new Conversation($"c{index}", first + TimeSpan.FromSeconds(random.Next(span)));
            conversation.Add(EventTypes.ConversationStarted, 0);
            conversation.Add(EventTypes.IntentDetected, 2, intent: s_intents[random.Next(s_intents.Length)]);
            conversation.Add(EventTypes.Message, 5, sentiment: Mood(random));
            var outcome = random.NextDouble();
            if (outcome < 0.62)
            {
                conversation.Add(EventTypes.ConversationResolved, random.Next(60, 600), by: "ai");
                CloseMostly(conversation, random, 0.9);
            }
            else if (outcome < 0.83)
            {
                conversation.Add(EventTypes.HandoffRequested, random.Next(30, 120), reason: Reason(random));
                conversation.Add(EventTypes.ConversationResolved, random.Next(300, 1800), by: outcome < 0.80 ? "human" : "ai");
                CloseMostly(conversation, random, 0.85);
            }
            else if (outcome < 0.92)
            {
                conversation.Add(EventTypes.HandoffRequested, random.Next(30, 120), reason: Reason(random));
            }
            else
            {
                conversation.Add(EventTypes.Message, random.Next(10, 60), sentiment: Mood(random));
            }

            yield return conversation.Events;
        }
    }

    private static void CloseMostly(Conversation conversation, Random random, double share)
    {
        if (random.NextDouble() < share)
        {
            conversation.Add(EventTypes.ConversationClosed, random.Next(30, 600));
        }
    }

    private static int Mood(Random random)
    {
        var draw = random.Next(100);
        for (var mood = 0; mood < s_moodWeights.Length; mood++)
        {
            draw -= s_moodWeights[mood];
            if (draw < 0)
            {
                return mood + 1;
            }
        }

        return 3;
    }

    private static string Reason(Random random) => EventVocabulary.HandoffReasons[random.Next(EventVocabulary.HandoffReasons.Count)];

    /// <summary>One conversation's events, each some seconds after the one before.</summary>
    private sealed class Conversation(string id, DateTimeOffset start)
    {
        private DateTimeOffset _at = start;

        public List<ContactEvent> Events { get; } = new(6);

        public void Add(string type, int secondsLater, string? intent = null, int? sentiment = null, string? reason = null, string? by = null)
        {
            _at += TimeSpan.FromSeconds(secondsLater);
            Events.Add(new ContactEvent
            {
                Id = $"{id}-{Events.Count}",
                Type = type,
                Timestamp = _at,
                ConversationId = id,
                Channel = type == EventTypes.ConversationStarted ? "web" : null,
                Role = type == EventTypes.Message ? "customer" : null,
                Intent = intent,
                Sentiment = sentiment,
                Reason = reason,
                By = by,
            });
        }
    }
}

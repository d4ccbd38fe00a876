using System.Diagnostics;
using ContactOS.Analytics.Sentiment;
using ContactOS.Benchmarks.Infrastructure;
using ContactOS.Benchmarks.Reporting;

namespace ContactOS.Benchmarks.Sentiment;

/// <summary>
/// The built-in sentiment scorer on one thread, as the ingestion path calls it, over the labelled messages in the
/// test data (public tweets and hand-written contact-centre messages, both languages): the full scorer (lexicon
/// and model) against the lexicon alone as the baseline, in messages per second and bytes allocated per message.
/// </summary>
internal static class SentimentBenchmark
{
    private const string DataDirectory = "tests/ContactOS.Analytics.Tests/TestData/sentiment";

    public static Task<int> RunAsync(string[] args)
    {
        var quick = CommandLine.Flag(args, "--quick");
        var duration = TimeSpan.FromMilliseconds(quick ? 300 : 1_500);
        var runs = quick ? 3 : 5;
        var messages = LoadMessages();
        var scorer = new LexiconSentimentScorer();
        Func<string, int> full = scorer.Score;
        Func<string, int> lexiconOnly = LexiconSentimentScorer.ScoreWithLexiconOnly;

        // Tiered compilation and PGO settle on both paths, and the model's weights load, before either is measured.
        MessagesPerSecond(full, messages, TimeSpan.FromSeconds(quick ? 0.5 : 2));
        MessagesPerSecond(lexiconOnly, messages, TimeSpan.FromSeconds(quick ? 0.5 : 2));

        var fullRate = Median.Of(Enumerable.Range(0, runs).Select(_ => MessagesPerSecond(full, messages, duration)));
        var lexiconRate = Median.Of(Enumerable.Range(0, runs).Select(_ => MessagesPerSecond(lexiconOnly, messages, duration)));
        var fullBytes = BytesPerMessage(full, messages);
        var lexiconBytes = BytesPerMessage(lexiconOnly, messages);

        var meanLength = messages.Average(m => m.Length);
        var table = new ResultTable(
            $"Built-in sentiment scorer, one thread: {messages.Length:N0} labelled messages (mean {meanLength:N0} characters), " +
            $"median of {runs} runs of {duration.TotalSeconds:0.#} s");
        table.Add("lexicon + model (the scorer)", fullRate, "messages/s", $"{1e6 / fullRate:N2} µs per message", "messages_per_sec");
        table.Add("lexicon alone (baseline)", lexiconRate, "messages/s", $"scorer = {fullRate / lexiconRate:P1} of baseline",
            "baseline_messages_per_sec");
        table.Add("allocated per message, lexicon + model", fullBytes, "bytes", jsonKey: "bytes_per_message", format: "N2");
        table.Add("allocated per message, lexicon alone (baseline)", lexiconBytes, "bytes", jsonKey: "baseline_bytes_per_message", format: "N2");
        table.Print();
        return Task.FromResult(0);
    }

    private static double MessagesPerSecond(Func<string, int> score, string[] messages, TimeSpan duration)
    {
        var scored = 0L;
        var checksum = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var message in messages)
            {
                checksum += score(message);
            }

            scored += messages.Length;
        }

        GC.KeepAlive(checksum);
        return scored / clock.Elapsed.TotalSeconds;
    }

    private static double BytesPerMessage(Func<string, int> score, string[] messages)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var message in messages)
        {
            score(message);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)messages.Length;
    }

    private static string[] LoadMessages()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DataDirectory);
            if (Directory.Exists(candidate))
            {
                // Every file has a header and the text in its last tab-separated column.
                return [.. Directory.GetFiles(candidate, "*.tsv").Order(StringComparer.Ordinal)
                    .SelectMany(file => File.ReadLines(file).Skip(1))
                    .Select(line => line[(line.LastIndexOf('\t') + 1)..])];
            }
        }

        throw new DirectoryNotFoundException($"Could not find {DataDirectory} above {AppContext.BaseDirectory}; run from a checkout.");
    }
}

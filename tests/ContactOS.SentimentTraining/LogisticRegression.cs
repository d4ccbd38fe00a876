using ContactOS.Analytics.Sentiment.Lexicon;
using ContactOS.Analytics.Sentiment.Model;

namespace ContactOS.SentimentTraining;

/// <summary>
/// Trains the three-class model by stochastic gradient descent on the cross-entropy loss, with AdaGrad step sizes
/// (rare words get larger steps than the lexicon features every message has) and an L2 penalty on the word
/// weights each step touches. Deterministic: a fixed seed orders the examples in every epoch.
/// </summary>
internal static class LogisticRegression
{
    private const int Classes = SentimentModel.Classes;

    public static float[] Train(IReadOnlyList<(LabelledText Text, float Weight)> examples, int epochs, float learningRate, float l2)
    {
        var data = examples
            .Select(e => (Features: SentimentText.Read<FeatureReader, (int, float)[]>(e.Text.Text), Label: (int)e.Text.Polarity, e.Weight))
            .ToArray();
        var weights = new float[SentimentFeatures.Count * Classes];
        var squaredGradients = new float[weights.Length];
        var random = new Random(20261207);
        Span<float> probabilities = stackalloc float[Classes];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(data);
            var loss = 0.0;
            foreach (var (features, label, weight) in data)
            {
                Predict(weights, features, probabilities);
                loss -= weight * Math.Log(Math.Max(probabilities[label], 1e-9f));
                foreach (var (feature, value) in features)
                {
                    // The penalty is paid per occurrence, so the dense features every message has would pay it on
                    // every step and fade; only word weights are penalised.
                    var penalty = feature < SentimentFeatures.Dense ? 0f : l2;
                    for (var c = 0; c < Classes; c++)
                    {
                        var i = (feature * Classes) + c;
                        var gradient = (weight * (probabilities[c] - (c == label ? 1f : 0f)) * value) + (penalty * weights[i]);
                        squaredGradients[i] += gradient * gradient;
                        weights[i] -= learningRate * gradient / MathF.Sqrt(squaredGradients[i] + 1e-8f);
                    }
                }
            }

            Console.WriteLine($"epoch {epoch}: mean loss {loss / data.Sum(d => d.Weight):0.0000}");
        }

        return weights;
    }

    private static void Predict(float[] weights, (int Feature, float Value)[] features, Span<float> probabilities)
    {
        probabilities.Clear();
        foreach (var (feature, value) in features)
        {
            for (var c = 0; c < Classes; c++)
            {
                probabilities[c] += weights[(feature * Classes) + c] * value;
            }
        }

        var max = Math.Max(probabilities[0], Math.Max(probabilities[1], probabilities[2]));
        var sum = 0f;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = MathF.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }
    }
}

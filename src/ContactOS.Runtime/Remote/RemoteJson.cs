using System.Text.Json;

namespace ContactOS.Runtime.Remote;

/// <summary>How grain call arguments and results are written between silos.</summary>
internal static class RemoteJson
{
    /// <summary>
    /// Web defaults plus fields, since several arguments travel as value tuples (whose items are fields).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { IncludeFields = true };
}

namespace ContactOS.Storage.Schema;

/// <summary>One migration step: <c>Schema/&lt;Dialect&gt;/0002_add_event_log.sql</c> becomes version 2, "add_event_log".</summary>
internal sealed record SchemaScript(int Version, string Name, string Sql);

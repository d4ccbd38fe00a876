using System.Globalization;
using System.Reflection;

namespace ContactOS.Storage.Schema;

/// <summary>
/// Loads the migration scripts embedded from <c>Schema/&lt;Dialect&gt;/NNNN_name.sql</c>. Adding version N is adding a
/// file named with N in each dialect folder; nothing else changes.
/// </summary>
internal static class SchemaScripts
{
    public static IReadOnlyList<SchemaScript> Load(string dialectFolder)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Schema.{dialectFolder}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal) &&
                               resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Parse(assembly, resource, resource[prefix.Length..^".sql".Length]))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two {dialectFolder} schema scripts claim version {duplicate.Key}: " +
                string.Join(", ", duplicate.Select(script => script.Name)) + ".");
        }

        return scripts;
    }

    private static SchemaScript Parse(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException(
                $"Schema script '{resource}' must be named NNNN_description.sql, NNNN being its version number.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}

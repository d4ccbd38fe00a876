using System.Globalization;

namespace ContactOS.Testing.Postgres;

/// <summary>The server programs a private test cluster needs: initdb and pg_ctl from one installation.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The newest /usr/lib/postgresql/*/bin (Debian, Ubuntu), else the first PATH directory with both.</summary>
    public static PostgresBinaries? Find()
    {
        var versioned = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
                .Where(candidate => candidate.Version is not null)
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Directory, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        return versioned.Concat(onPath)
            .Select(directory => new PostgresBinaries(Path.Combine(directory, "initdb"), Path.Combine(directory, "pg_ctl")))
            .FirstOrDefault(binaries => File.Exists(binaries.InitDb) && File.Exists(binaries.PgCtl));
    }

    private static decimal? ParseVersion(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : null;
}

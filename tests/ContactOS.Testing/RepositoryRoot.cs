namespace ContactOS.Testing;

/// <summary>The checkout the tests run from: the directory holding the solution file, found above the test output.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "ContactOS.Orleans.sln";

    /// <summary>Full path of the repository root; throws if the tests do not run from a checkout.</summary>
    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFile} above '{AppContext.BaseDirectory}': cannot find the repository root; run the tests from a checkout.");
    }

    /// <summary>Full path of <paramref name="relative"/> (segments below the root, e.g. "deploy", "Dockerfile").</summary>
    public static string PathOf(params string[] relative) => Path.Combine([Locate(), .. relative]);
}

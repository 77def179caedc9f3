namespace EventHub.TestSupport;

/// <summary>Where the repository is, found from the running test or benchmark assembly (the folder holding EventHub.sln).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EventHub.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>src/EventHub.Web: the web app's content root.</summary>
    public static string WebProject => Path.Combine(Root, "src", "EventHub.Web");

    /// <summary>
    /// The web app as production runs it (<c>dotnet EventHub.Web.dll</c>): the web project's own build output,
    /// bin/&lt;Configuration&gt;/net10.0, in the configuration of the running test assembly.
    /// </summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(WebProject, "bin", configuration, "net10.0", "EventHub.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/EventHub.Web first.", path);
        }
    }
}

namespace EventHub.Web.Hosting;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>In Development, seed the demo organisations, users and event when the database has no users yet.</summary>
    public bool SeedOnFirstStart { get; init; } = true;
}

using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Features.Access;

public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Where uploaded documents are kept: outside the web root. Relative paths are under the content root.</summary>
    [Required]
    public string Directory { get; init; } = "App_Data/documents";

    /// <summary>The largest file an organiser may upload, in megabytes.</summary>
    [Range(1, 1024)]
    public int MaxFileMegabytes { get; init; } = 25;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}

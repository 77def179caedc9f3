using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Features.Access;

/// <summary>
/// The pre-read documents on disk: each under a random name in one folder outside the web root, never a name taken from
/// the upload. Files are written to a temporary name first and renamed when complete, so a half-written file is never served.
/// </summary>
public sealed class DocumentStore(IOptions<DocumentOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.IsPathRooted(options.Value.Directory) ? options.Value.Directory : Path.Combine(environment.ContentRootPath, options.Value.Directory));

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The file behind a key; the key must be one of ours (hex only), so no stored value can point elsewhere.</summary>
    public string PathFor(string storageKey)
    {
        if (storageKey.Length != 32 || !storageKey.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidOperationException("Not a document storage key.");
        }

        return Path.Combine(Root, storageKey);
    }

    public Stream? OpenRead(string storageKey)
    {
        var path = PathFor(storageKey);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }
}

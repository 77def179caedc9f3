using EventHub.TestSupport;
using System.Diagnostics;
using System.Text;

namespace EventHub.EndToEnd.ScaleOut;

/// <summary>
/// One EventHub node as production runs it: a separate `dotnet EventHub.Web.dll` process with its own port, Hangfire server
/// and memory, configured only through environment variables. Nothing is shared with the test process or the other node.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NodeProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        this.process = process;
    }

    public string Name { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string Output { get { lock (output) { return output.ToString(); } } }

    public static async Task<NodeProcess> StartAsync(string name, int port, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [RepositoryPaths.WebAssembly, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.WebProject,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new NodeProcess(name, port, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Node {name} exited with {process.ExitCode}:\n{node.Output}");
            }

            try
            {
                if ((await http.GetAsync($"{node.BaseUrl}/health")).IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await node.DisposeAsync();
        throw new TimeoutException($"Node {name} did not answer /health within 60 s:\n{node.Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

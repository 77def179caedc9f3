using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// The test server has no network peer: this startup filter (ahead of the app's own middleware) gives each request the
/// connection address named in <see cref="Header"/>, as a client at that address would have.
/// </summary>
public sealed class ConnectionAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Connection-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new ConnectionAddressFilter());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            await nextMiddleware();
        });
        next(app);
    };
}

/// <summary>Posting the template's Account forms as a browser does: the page first (cookie and token), then the form.</summary>
public static partial class AccountForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, string? connectionAddress = null)
    {
        var page = await Send(client, HttpMethod.Get, path, null, connectionAddress);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = StaffLogin.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
        };
        return await Send(client, HttpMethod.Post, path, new FormUrlEncodedContent(form), connectionAddress);
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string? connectionAddress = null)
        => await PostAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password }, connectionAddress);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, HttpContent? content, string? connectionAddress)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (connectionAddress is not null)
        {
            request.Headers.Add(ConnectionAddressFilter.Header, connectionAddress);
        }

        return client.SendAsync(request);
    }

    /// <summary>The outbox rows queued for <paramref name="address"/>, oldest first.</summary>
    public static Task<List<OutboundEmail>> EmailsToAsync(EventHubAppFactory app, string address)
        => app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.ToAddress == address).OrderBy(e => e.CreatedAtUtc).ToListAsync());

    /// <summary>The href of the first link in an HTML body, decoded once as a browser decodes an attribute.</summary>
    public static string FirstHref(string html) => HrefPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The email's HTML part has no link.");

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}

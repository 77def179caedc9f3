using System.Net;
using System.Text.RegularExpressions;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventHub.Web.Tests.Security;

/// <summary>Logs in through the real login form (its antiforgery token included) and keeps the cookie.</summary>
public static partial class StaffLogin
{
    public static async Task<HttpClient> ClientAsync(EventHubAppFactory app, string? email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (email is not null)
        {
            var response = await PostLoginAsync(client, email, password);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The form carries no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

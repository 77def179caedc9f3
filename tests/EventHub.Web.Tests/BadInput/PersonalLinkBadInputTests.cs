using System.Net;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// Every link a person can hold (invitation, attendee page, calendar entry, consent, unsubscribe, request, public report,
/// pre-read download, the account emails' links) opened with what is not a token: each answers a plain page or 404, never a
/// server error or an exception page. Sent to Kestrel on a loopback port, so the request line is parsed as in production.
/// </summary>
public sealed class PersonalLinkBadInputTests(BadInputServer fixture) : IClassFixture<BadInputServer>
{
    /// <summary>Not tokens: too short, blank, 10 KB, path traversal, NUL, percent signs, SQL, markup, other scripts, emoji, a right-to-left override.</summary>
    public static readonly string[] Tokens =
    [
        "x", " ", new string('a', 10 * 1024), "../../etc/passwd", "..\\..\\x.pdf", "\0", "%00", "a\0b", "' OR '1'='1' --", "1; DROP TABLE Invitations;--",
        "<script>alert(1)</script>", "漢字🙂ÿ", "\u202Egnp.exe", new string('é', 43), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ];

    /// <summary>Each link, with {0} for the token (escaped into the path or query), and what its plain refusal says when it answers 200.</summary>
    public static readonly Dictionary<string, (string Template, string? Plain)> Links = new()
    {
        ["invitation"] = ("/i/{0}", "This link is not valid"),
        ["attendee page"] = ("/r/{0}", "This link is not valid"),
        ["calendar entry"] = ("/r/{0}/calendar.ics", null),
        ["attendee document"] = ("/r/{0}/documents/" + Guid.NewGuid(), null),
        ["consent"] = ("/consent/{0}", "This link is not valid"),
        ["unsubscribe"] = ("/unsubscribe/{0}", "Stop receiving invitations?"),
        ["public report"] = ("/reports/{0}", "This report is not published"),
        ["request to attend"] = ("/request/{0}", null),
        ["confirm email: user"] = ("/Account/ConfirmEmail?userId={0}&code=Zm9yZ2Vk", null),
        ["confirm email: code"] = ("/Account/ConfirmEmail?userId={admin}&code={0}", "Error confirming your email."),
        ["confirm email change: code"] = ("/Account/ConfirmEmailChange?userId={admin}&email=new%40example.org&code={0}", "Error changing email."),
        ["reset password: code"] = ("/Account/ResetPassword?code={0}", null),
    };

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var link in Links.Keys)
        {
            for (var i = 0; i < Tokens.Length; i++)
            {
                data.Add(link, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_link_with_what_is_not_a_token_gets_a_plain_answer_never_a_server_error(string link, int token)
    {
        var (template, plain) = Links[link];
        var adminId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == BadInputApp.AdminEmail).Select(u => u.Id).SingleAsync());
        var url = template.Replace("{admin}", adminId).Replace("{0}", Uri.EscapeDataString(Tokens[token]));

        var response = await fixture.Anonymous().GetAsync(url);

        await AssertPlainAsync(response, plain, $"{link} with {Describe(Tokens[token])}");
    }

    [Theory]
    [InlineData("/i/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/i/..%2f..%2f")]
    [InlineData("/i/%00")]
    [InlineData("/r/%ZZ")]
    [InlineData("/r/%C0%AE%C0%AE%2F")]
    [InlineData("/consent/%E2%80%AE")]
    [InlineData("/unsubscribe/%FF%FE")]
    [InlineData("/reports/%2e%2e%2f%2e%2e%2fappsettings.json")]
    [InlineData("/r/..%5C..%5Cweb.config/calendar.ics")]
    [InlineData("/request/00000000-0000-0000-0000-000000000000")]
    [InlineData("/Account/ConfirmEmail?userId=&code=")]
    [InlineData("/Account/ConfirmEmail?userId=%00&code=%00")]
    [InlineData("/Account/ResetPassword?code=%")]
    public async Task A_raw_malformed_address_gets_a_plain_answer_never_a_server_error(string url)
    {
        var response = await fixture.Anonymous().GetAsync(new Uri(url, UriKind.Relative));

        await AssertPlainAsync(response, null, url);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("../../etc/passwd")]
    [InlineData("' OR '1'='1' --")]
    public async Task Confirming_an_unsubscribe_link_that_is_not_one_shows_the_plain_page_and_changes_nothing(string token)
    {
        var contacts = await fixture.WithDbAsync(db => db.Contacts.CountAsync(c => c.DoNotContact));

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), "/unsubscribe/" + Uri.EscapeDataString(token), "unsubscribe", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This link is not valid", html);
        Assert.Equal(contacts, await fixture.WithDbAsync(db => db.Contacts.CountAsync(c => c.DoNotContact)));
    }

    private static async Task AssertPlainAsync(HttpResponseMessage response, string? plain, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Found or HttpStatusCode.RequestUriTooLong,
            $"{what}: {(int)response.StatusCode}");
        Assert.DoesNotContain("An error occurred while processing your request", body);
        Assert.DoesNotContain("Exception", body);
        if (response.StatusCode == HttpStatusCode.OK && plain is not null)
        {
            Assert.Contains(plain, body);
        }
    }

    private static string Describe(string token) => token.Length > 40 ? $"{token[..10]}… ({token.Length} characters)" : token;
}

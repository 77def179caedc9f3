using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// The report: the draft (500,000 characters at most), notes, comments, reviews, dismissals of findings and the consent
/// forms. Each bad value gets a message on its field with nothing written; hostile text is stored exactly and shown
/// encoded (or, for the report's Markdown, sanitised); names on consent requests come back exactly on the person's page.
/// </summary>
public sealed class ReportBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private async Task<(Guid EventId, ReportDraft Draft)> ReportAsync()
    {
        var eventId = await fixture.NewEventAsync();
        var draft = await fixture.RunAsync<OpenReport, Outcome<ReportDraft>>(u => u.ExecuteAsync(fixture.Organiser, eventId));
        Assert.True(draft.Succeeded);
        return (eventId, draft.Value!);
    }

    private Task<Report> StoredAsync(Guid reportId) => fixture.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId));

    [Theory]
    [InlineData(ReportRules.MaxMarkdownLength + 1, "at most 500,000 characters; it has 500,001")]
    [InlineData(2_000_000, "at most 500,000 characters; it has 2,000,000")]
    [InlineData(0, "The report is empty")]
    [InlineData(-1, "The report is empty")]
    public async Task A_draft_beyond_the_limit_or_empty_is_refused_and_the_stored_text_and_version_stay(int length, string message)
    {
        var (_, draft) = await ReportAsync();
        var text = length switch { -1 => " \n\t \r\n", _ => new string('a', length) };

        foreach (var autosave in new[] { false, true })
        {
            var outcome = await fixture.RunAsync<SaveReport, Outcome<ReportSaveResult>>(u => u.ExecuteAsync(fixture.Organiser, draft.ReportId, new ReportSaveForm { Markdown = text, ExpectedStamp = draft.ConcurrencyStamp, Autosave = autosave }));

            Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
            Assert.Contains(outcome.Errors[nameof(ReportSaveForm.Markdown)], m => m.Contains(message));
        }

        var stored = await StoredAsync(draft.ReportId);
        Assert.Equal((draft.Markdown, draft.CurrentVersion, draft.ConcurrencyStamp), (stored.Markdown, stored.CurrentVersion, stored.ConcurrencyStamp));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.ReportId == draft.ReportId)));
    }

    [Fact]
    public async Task A_draft_of_exactly_the_limit_in_chinese_is_saved_whole()
    {
        var (_, draft) = await ReportAsync();
        var text = string.Concat(Enumerable.Repeat("中亚安全研究。", ReportRules.MaxMarkdownLength / 7)).PadRight(ReportRules.MaxMarkdownLength, '。');

        var outcome = await fixture.RunAsync<SaveReport, Outcome<ReportSaveResult>>(u => u.ExecuteAsync(fixture.Organiser, draft.ReportId, new ReportSaveForm { Markdown = text, ExpectedStamp = draft.ConcurrencyStamp }));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal(text, (await StoredAsync(draft.ReportId)).Markdown, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Script_and_unsafe_links_in_the_draft_are_stored_as_typed_and_never_reach_a_page()
    {
        var (eventId, draft) = await ReportAsync();
        var hostile = """
            # Round table <script>alert('x')</script>

            Read [the study](javascript:alert('x')) or <img src=x onerror="alert('x')"> and <a href="data:text/html,<script>alert(1)</script>">this</a>.
            <iframe src="https://evil.example"></iframe><style>body{display:none}</style>
            Robert'); DROP TABLE Reports;-- · نور الهدى · 王小明 · Αλέξανδρος · {zoe}
            """.Replace("{zoe}", "Zoe\u0308");

        var outcome = await fixture.RunAsync<SaveReport, Outcome<ReportSaveResult>>(u => u.ExecuteAsync(fixture.Organiser, draft.ReportId, new ReportSaveForm { Markdown = hostile, ExpectedStamp = draft.ConcurrencyStamp }));

        Assert.True(outcome.Succeeded);
        Assert.Equal(hostile.Replace("\r\n", "\n"), (await StoredAsync(draft.ReportId)).Markdown, StringComparer.Ordinal);
        var response = await (await fixture.StaffAsync()).GetAsync($"/events/{eventId}/report/print");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = BadInputApp.Parse(html);
        Assert.Empty(article.QuerySelectorAll("main script, main iframe, main style, main [onerror]"));
        Assert.DoesNotContain(article.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || (a.GetAttribute("href") ?? "").StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("王小明 · Αλέξανδρος · Zoe\u0308", article.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_comments_and_review_comments_beyond_their_limits_are_refused_and_nothing_is_written()
    {
        var (eventId, draft) = await ReportAsync();

        var note = await fixture.RunAsync<SaveNote, Outcome<ReportNoteRow>>(u => u.ExecuteAsync(fixture.Organiser, eventId, null, new string('n', SaveNote.MaxLength + 1)));
        var comment = await fixture.RunAsync<CommentOnReport, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, BadInputApp.Long));
        var blank = await fixture.RunAsync<CommentOnReport, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, " \n "));
        var review = await fixture.RunAsync<DecideReportReview, Outcome<ReviewResult>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new ReviewForm { Decision = ReviewDecision.ChangesRequested, Comment = BadInputApp.Long }));

        Assert.Contains(note.Errors["Text"], m => m.Contains("at most 100,000 characters"));
        Assert.Contains(comment.Errors["Text"], m => m.Contains("at most 4,000 characters (this one has 102,400)"));
        Assert.Contains(blank.Errors["Text"], m => m.Contains("Write the comment first"));
        Assert.Contains(review.Errors[nameof(ReviewForm.Comment)], m => m.Contains("at most 4,000 characters"));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.ReportNotes.CountAsync(n => n.EventId == eventId)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.ReportComments.CountAsync(c => c.ReportId == draft.ReportId)));
        Assert.Equal(ReportStatus.Draft, (await StoredAsync(draft.ReportId)).Status);
    }

    [Theory]
    [InlineData(nameof(DismissalForm.Reason), "long", "at most 2,000 characters")]
    [InlineData(nameof(DismissalForm.Reason), " ", "Say why this is not an attribution")]
    [InlineData(nameof(DismissalForm.FindingKey), "long", "too long to store")]
    [InlineData(nameof(DismissalForm.FindingKey), "", "The finding to dismiss is missing")]
    public async Task A_bad_dismissal_is_refused_on_its_field_and_nothing_is_dismissed(string field, string value, string message)
    {
        var (_, draft) = await ReportAsync();
        var form = new DismissalForm { FindingKey = "name:Janne Leino", MatchedText = "Janne Leino", Reason = "On the record: closing remarks." };
        typeof(DismissalForm).GetProperty(field)!.SetValue(form, value == "long" ? BadInputApp.Long : value);

        var outcome = await fixture.RunAsync<DismissFinding, Outcome>(u => u.ExecuteAsync(fixture.Organiser, draft.ReportId, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.AttributionDismissals.CountAsync(d => d.ReportId == draft.ReportId)));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_dismissal_reason_with_any_script_or_markup_is_stored_exactly(string reason)
    {
        var (_, draft) = await ReportAsync();

        var outcome = await fixture.RunAsync<DismissFinding, Outcome>(u => u.ExecuteAsync(fixture.Organiser, draft.ReportId,
            new DismissalForm { FindingKey = "name:" + reason, MatchedText = reason + new string('x', 500), Reason = reason }));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var stored = await fixture.WithDbAsync(db => db.AttributionDismissals.AsNoTracking().SingleAsync(d => d.ReportId == draft.ReportId));
        Assert.Equal((reason, "name:" + reason), (stored.Reason, stored.FindingKey));
        Assert.StartsWith(reason, stored.MatchedText, StringComparison.Ordinal);
        Assert.True(stored.MatchedText.Length <= 300, "the flagged text is shortened to its column");
    }

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task A_consent_request_to_an_invalid_email_is_refused_on_the_email_and_sends_nothing(string email)
    {
        var (eventId, _) = await ReportAsync();

        var requested = await fixture.RunAsync<RequestConsent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new ConsentForm { Name = "Janne Leino", Email = email }));
        var recorded = await fixture.RunAsync<RecordConsent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new ConsentForm { Name = "Janne Leino", Email = email }));

        foreach (var outcome in new Outcome[] { requested, recorded })
        {
            Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
            Assert.Contains(outcome.Errors[nameof(ConsentForm.Email)], m => m.Contains("valid email address") || m.Contains("at most 256"));
        }

        Assert.Equal(0, await fixture.WithDbAsync(db => db.OnRecordConsents.CountAsync(c => c.EventId == eventId)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.EventId == eventId)));
    }

    [Theory]
    [InlineData(nameof(ConsentForm.Name), "at most 300 characters")]
    [InlineData(nameof(ConsentForm.Affiliation), "at most 300 characters")]
    public async Task A_100_KB_consent_field_is_refused_with_its_limit(string field, string message)
    {
        var (eventId, _) = await ReportAsync();
        var form = new ConsentForm { Name = "Janne Leino", Email = "janne@kas.example", Affiliation = "Programme Manager, KAS MDPD" };
        typeof(ConsentForm).GetProperty(field)!.SetValue(form, BadInputApp.Long);

        var outcome = await fixture.RunAsync<RequestConsent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.OnRecordConsents.CountAsync(c => c.EventId == eventId)));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_person_named_in_any_script_is_asked_by_name_exactly_and_their_answer_is_recorded(string name)
    {
        var (eventId, _) = await ReportAsync();
        var requested = await fixture.RunAsync<RequestConsent, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new ConsentForm { Name = name, Email = "janne@kas.example", Affiliation = name }));
        Assert.True(requested.Succeeded, string.Join(" ", requested.Errors.SelectMany(e => e.Value)));
        var stored = await fixture.WithDbAsync(db => db.OnRecordConsents.AsNoTracking().SingleAsync(c => c.Id == requested.Value));
        Assert.Equal((name, name), (stored.Name, stored.Affiliation));
        var email = await fixture.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.EventId == eventId));
        Assert.DoesNotContain("<script>alert", email.HtmlBody);

        // The link in the email is not readable here: give the request a token whose hash we know.
        var (token, hash) = PersonalToken.Create();
        await fixture.WithDbAsync(async db =>
        {
            (await db.OnRecordConsents.SingleAsync(c => c.Id == requested.Value)).RequestTokenHash = hash;
            return await db.SaveChangesAsync();
        });
        var client = fixture.Anonymous();
        var page = await client.GetStringAsync($"/consent/{token}");
        Assert.Contains($"name {name}, {name}, with your affiliation", Normalise(BadInputApp.Parse(page).QuerySelector("main")!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page);

        var (status, answered) = await BadInputApp.PostFormAsync(client, $"/consent/{token}", "confirm", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("you may be named", answered);
        Assert.Equal(ConsentStatus.Confirmed, await fixture.WithDbAsync(db => db.OnRecordConsents.Where(c => c.Id == requested.Value).Select(c => c.Status).SingleAsync()));

        var consents = await (await fixture.StaffAsync()).GetStringAsync($"/events/{eventId}/report/consents");
        Assert.Contains(BadInputApp.Parse(consents).QuerySelectorAll("td"), td => td.TextContent.StartsWith(name, StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert", consents);
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}

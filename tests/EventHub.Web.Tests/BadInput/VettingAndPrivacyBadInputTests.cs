using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using EventHub.Core.Features.Passes;
using EventHub.Core.Features.Privacy;
using EventHub.Core.Features.Vetting;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// Vetting decisions, passes, access settings, retention and a person's rights, and the public request page posted as a
/// browser posts it: bad input gets its message and changes nothing; hostile reasons are kept exactly and mailed encoded.
/// </summary>
public sealed class VettingAndPrivacyBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private async Task<(Guid EventId, Guid RegistrationId)> PendingAsync(string name = "Ana Lima")
    {
        var eventId = await fixture.NewEventAsync();
        return (eventId, await fixture.RegistrationAsync(eventId, RegistrationStatus.Pending, name, RegistrationSource.Request));
    }

    [Theory]
    [InlineData(nameof(DecisionForm.InternalReason), "at most 2,000 characters")]
    [InlineData(nameof(DecisionForm.MessageToPerson), "at most 4,000 characters")]
    [InlineData(nameof(DecisionForm.OverrideReason), "at most 2,000 characters")]
    public async Task A_100_KB_reason_on_a_decision_is_refused_and_the_registration_stays_pending(string field, string message)
    {
        var (eventId, id) = await PendingAsync();
        var form = new DecisionForm { Decision = VettingDecision.Rejected, InternalReason = "Not on the list.", SendMessage = true };
        typeof(DecisionForm).GetProperty(field)!.SetValue(form, BadInputApp.Long);

        var outcome = await fixture.RunAsync<DecideRegistration, Outcome<DecisionResult>>(u => u.ExecuteAsync(fixture.Organiser, id, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(RegistrationStatus.Pending, await fixture.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.RegistrationApprovals.CountAsync(a => a.RegistrationId == id)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.EventId == eventId)));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_rejection_in_any_script_or_with_markup_is_kept_exactly_and_mailed_encoded(string text)
    {
        var (eventId, id) = await PendingAsync(text);

        var outcome = await fixture.RunAsync<DecideRegistration, Outcome<DecisionResult>>(u => u.ExecuteAsync(fixture.Organiser, id,
            new DecisionForm { Decision = VettingDecision.Rejected, InternalReason = text, MessageToPerson = text, SendMessage = true }));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var approval = await fixture.WithDbAsync(db => db.RegistrationApprovals.AsNoTracking().SingleAsync(a => a.RegistrationId == id));
        Assert.Equal((text, text), (approval.InternalReason, approval.MessageToPerson));
        var email = await fixture.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.EventId == eventId));
        Assert.Equal(text, email.ToName, StringComparer.Ordinal);
        Assert.DoesNotContain("<script>alert", email.HtmlBody);
        Assert.Contains(text, System.Net.WebUtility.HtmlDecode(email.HtmlBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_100_KB_reason_to_revoke_a_pass_or_entrance_instructions_are_refused_with_their_limits()
    {
        var (eventId, id) = await PendingAsync();
        var before = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));

        var revoke = await fixture.RunAsync<RevokeAccessPass, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, id, new RevokePassForm { Reason = BadInputApp.Long }));
        var access = await fixture.RunAsync<SaveAccessSettings, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, new AccessSettingsForm { Fields = [AccessListField.Name], EntranceInstructions = BadInputApp.Long }));

        Assert.Contains(revoke.Errors[nameof(RevokePassForm.Reason)], m => m.Contains("at most 500 characters"));
        Assert.Contains(access.Errors[nameof(AccessSettingsForm.EntranceInstructions)], m => m.Contains("under 4,000 characters"));
        var after = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal((before.EntranceInstructions, before.ConcurrencyStamp), (after.EntranceInstructions, after.ConcurrencyStamp));
    }

    [Theory]
    [InlineData(-1, null, nameof(RetentionPolicyForm.SecurityDataDays))]
    [InlineData(int.MaxValue, null, nameof(RetentionPolicyForm.SecurityDataDays))]
    [InlineData(null, 0, nameof(RetentionPolicyForm.PersonalDataMonths))]
    [InlineData(null, int.MinValue, nameof(RetentionPolicyForm.PersonalDataMonths))]
    [InlineData(null, 100_000, nameof(RetentionPolicyForm.PersonalDataMonths))]
    public async Task A_retention_outside_the_allowed_range_is_refused_with_the_range(int? days, int? months, string field)
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<SaveRetentionPolicy, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, new RetentionPolicyForm { SecurityDataDays = days, PersonalDataMonths = months }));

        Assert.Contains(outcome.Errors[field], m => m.Contains("between"));
        var stored = await fixture.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal((null, null), (stored.SecurityDataRetentionDays, stored.PersonalDataRetentionMonths));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task Looking_up_a_person_by_an_invalid_email_is_refused_on_the_email_and_erases_nothing(string email)
    {
        var audits = await fixture.WithDbAsync(db => db.AuditEntries.CountAsync());

        var export = await fixture.RunAsync<ExportPersonalData, Outcome<PersonalDataExport>>(u => u.ExecuteAsync(fixture.Admin, new PersonLookup { Email = email }));
        var erase = await fixture.RunAsync<ErasePerson, Outcome<ErasureResult>>(u => u.ExecuteAsync(fixture.Admin, new PersonLookup { Email = email }));

        foreach (var outcome in new Outcome[] { export, erase })
        {
            Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
            Assert.Contains(outcome.Errors[nameof(PersonLookup.Email)], m => m.Contains("not an email address") || m.Contains("at most 320"));
        }

        Assert.Equal(audits, await fixture.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task The_public_request_page_shows_an_invalid_email_next_to_the_field_and_writes_nothing(string email)
    {
        var eventId = await fixture.NewEventAsync(change: e => e.AllowRequests = true);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/request/{eventId}", "request",
            [new("Model.Name", "Ana Lima"), new("Model.Email", email), new("Model.Organisation", "EEAS"), new("Model.Reason", "I work on Central Asia."), new("Model.AcknowledgeRule", "true")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), "Model.Email"), m => m.Contains("valid email address") || m.Contains("at most 320"));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == eventId)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.EventId == eventId)));
    }
}

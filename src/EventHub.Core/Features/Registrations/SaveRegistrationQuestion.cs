using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

public sealed class RegistrationQuestionForm
{
    /// <summary>Null to add a question.</summary>
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Enter the question.")]
    [StringLength(500, ErrorMessage = "The question can be at most 500 characters.")]
    public string? Label { get; set; }

    public QuestionKind Kind { get; set; } = QuestionKind.ShortText;

    public bool Required { get; set; }

    /// <summary>For choices: the options, one per line.</summary>
    [StringLength(4000, ErrorMessage = "The options can be at most 4,000 characters.")]
    public string? Options { get; set; }

    public List<string> OptionList => (Options ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}

/// <summary>Adds or edits a custom question of the event's registration form. Choices need at least two options.</summary>
public sealed class SaveRegistrationQuestion(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, RegistrationQuestionForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        var options = form.OptionList;
        if (form.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && options.Count < 2 && !errors.ContainsKey(nameof(form.Options)))
        {
            errors[nameof(form.Options)] = ["Enter at least two options, one per line."];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome<Guid>.NotFound();
        }

        RegistrationQuestion question;
        if (form.Id is { } id)
        {
            var existing = await db.RegistrationQuestions.SingleOrDefaultAsync(q => q.Id == id && q.EventId == eventId, ct);
            if (existing is null)
            {
                return Outcome<Guid>.NotFound();
            }

            question = existing;
        }
        else
        {
            var last = await db.RegistrationQuestions.Where(q => q.EventId == eventId).MaxAsync(q => (int?)q.SortOrder, ct);
            question = new RegistrationQuestion { Id = Guid.CreateVersion7(), EventId = eventId, Label = "", SortOrder = (last ?? -1) + 1 };
            db.RegistrationQuestions.Add(question);
        }

        question.Label = form.Label!.Trim();
        question.Kind = form.Kind;
        question.Required = form.Required;
        question.Options = form.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? options : [];
        audit.Record(db, actor, form.Id is null ? "question.added" : "question.updated", eventId, nameof(RegistrationQuestion), question.Id.ToString(), $"{question.Label} ({question.Kind})");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(question.Id);
    }
}

using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>
/// The fields of the registration form, shared by accepting an invitation, asking to attend and editing one's own
/// registration: built-in details, the event's custom questions and, when the venue requires them, the security fields.
/// </summary>
public class RegistrationDetailsForm
{
    [Required(ErrorMessage = "Enter your name as on your identity document.")]
    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your organisation.")]
    [StringLength(300, ErrorMessage = "The organisation can be at most 300 characters.")]
    public string? Organisation { get; set; }

    [StringLength(300, ErrorMessage = "The position can be at most 300 characters.")]
    public string? Position { get; set; }

    public Sector? Sector { get; set; }

    [StringLength(100, ErrorMessage = "The country can be at most 100 characters.")]
    public string? Country { get; set; }

    [StringLength(50, ErrorMessage = "The phone number can be at most 50 characters.")]
    public string? Phone { get; set; }

    [StringLength(1000, ErrorMessage = "The dietary needs can be at most 1,000 characters.")]
    public string? DietaryNeeds { get; set; }

    [StringLength(1000, ErrorMessage = "The accessibility needs can be at most 1,000 characters.")]
    public string? AccessibilityNeeds { get; set; }

    /// <summary>"List me on the participant list that other attendees can see" (default off).</summary>
    public bool ListMeConsent { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    [StringLength(100, ErrorMessage = "The nationality can be at most 100 characters.")]
    public string? Nationality { get; set; }

    [StringLength(100, ErrorMessage = "The document type can be at most 100 characters.")]
    public string? DocumentType { get; set; }

    [StringLength(100, ErrorMessage = "The document number can be at most 100 characters.")]
    public string? DocumentNumber { get; set; }

    /// <summary>Answers to the event's questions by question id; for multiple choice, the chosen options one per line.</summary>
    // The web form binder may set it to null when nothing was posted under its name: never let it be null.
    public Dictionary<Guid, string?> Answers { get => answers; set => answers = value ?? []; }

    private Dictionary<Guid, string?> answers = [];

    /// <summary>The error key of a question's answer, for messages next to the field.</summary>
    public static string AnswerField(Guid questionId) => $"Answers.{questionId}";

    public SecurityDetails SecurityDetails => new(DateOfBirth, Nullify(Nationality), Nullify(DocumentType), Nullify(DocumentNumber));

    internal static string? Nullify(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The event's side of the form: its questions and whether security data is asked.</summary>
public sealed record RegistrationFormDefinition(IReadOnlyList<RegistrationQuestion> Questions, bool RequireSecurityData)
{
    public static async Task<RegistrationFormDefinition> LoadAsync(EventHubDbContext db, Event e, CancellationToken ct)
    {
        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == e.Id).OrderBy(q => q.SortOrder).ToListAsync(ct);
        return new RegistrationFormDefinition(questions, e.RequireSecurityData);
    }
}

/// <summary>Validates the shared fields against the event's form, and writes them onto a registration.</summary>
public static class RegistrationDetailsRules
{
    public const int MaxShortAnswer = 500, MaxLongAnswer = 4000;

    /// <summary>Field-level errors (data annotations, questions, security fields); empty when valid.</summary>
    /// <param name="securityRequired">False when security data is already on file and the person does not replace it.</param>
    public static Dictionary<string, string[]> Validate(RegistrationDetailsForm form, RegistrationFormDefinition definition, bool securityRequired)
    {
        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        foreach (var q in definition.Questions)
        {
            var answer = RegistrationDetailsForm.Nullify(form.Answers.GetValueOrDefault(q.Id));
            var field = RegistrationDetailsForm.AnswerField(q.Id);
            if (answer is null)
            {
                if (q.Required)
                {
                    errors[field] = [$"Answer “{q.Label}”."];
                }

                continue;
            }

            var chosen = Split(answer);
            var valid = q.Kind switch
            {
                QuestionKind.ShortText => answer.Length <= MaxShortAnswer,
                QuestionKind.LongText => answer.Length <= MaxLongAnswer,
                QuestionKind.SingleChoice => chosen.Count == 1 && q.Options.Contains(chosen[0]),
                QuestionKind.MultipleChoice => chosen.All(q.Options.Contains),
                QuestionKind.YesNo => answer is "Yes" or "No",
                _ => false,
            };
            if (!valid)
            {
                errors[field] = [q.Kind is QuestionKind.ShortText or QuestionKind.LongText
                    ? $"The answer can be at most {(q.Kind == QuestionKind.ShortText ? MaxShortAnswer : MaxLongAnswer):N0} characters."
                    : $"Choose one of the options for “{q.Label}”."];
            }
        }

        if (definition.RequireSecurityData && securityRequired)
        {
            if (form.DateOfBirth is null)
            {
                errors[nameof(form.DateOfBirth)] = ["Enter your date of birth: the venue's security needs it."];
            }

            if (RegistrationDetailsForm.Nullify(form.Nationality) is null)
            {
                errors[nameof(form.Nationality)] = ["Enter your nationality: the venue's security needs it."];
            }

            if (RegistrationDetailsForm.Nullify(form.DocumentType) is null)
            {
                errors[nameof(form.DocumentType)] = ["Enter the type of your identity document (e.g. passport)."];
            }

            if (RegistrationDetailsForm.Nullify(form.DocumentNumber) is null)
            {
                errors[nameof(form.DocumentNumber)] = ["Enter the number of your identity document."];
            }
        }

        return errors;
    }

    /// <summary>Writes the built-in fields, the answers and (when given) the encrypted security data. The caller saves.</summary>
    /// <param name="existingAnswers">The registration's answers as loaded (tracked), empty for a new registration.</param>
    public static void Apply(EventHubDbContext db, Registration registration, RegistrationDetailsForm form, RegistrationFormDefinition definition, SecurityData security, bool writeSecurity, IReadOnlyList<RegistrationAnswer> existingAnswers)
    {
        registration.Name = form.Name!.Trim();
        registration.OrganisationName = form.Organisation!.Trim();
        registration.Position = RegistrationDetailsForm.Nullify(form.Position);
        registration.Sector = form.Sector;
        registration.Country = RegistrationDetailsForm.Nullify(form.Country);
        registration.Phone = RegistrationDetailsForm.Nullify(form.Phone);
        registration.DietaryNeeds = RegistrationDetailsForm.Nullify(form.DietaryNeeds);
        registration.AccessibilityNeeds = RegistrationDetailsForm.Nullify(form.AccessibilityNeeds);
        registration.ListMeConsent = form.ListMeConsent;
        if (definition.RequireSecurityData && writeSecurity)
        {
            registration.ProtectedSecurityData = security.Protect(form.SecurityDetails);
        }

        foreach (var q in definition.Questions)
        {
            var value = RegistrationDetailsForm.Nullify(form.Answers.GetValueOrDefault(q.Id));
            var existing = existingAnswers.FirstOrDefault(a => a.QuestionId == q.Id);
            if (value is null)
            {
                if (existing is not null)
                {
                    db.RegistrationAnswers.Remove(existing);
                }
            }
            else if (existing is not null)
            {
                existing.Value = value;
            }
            else
            {
                db.RegistrationAnswers.Add(new RegistrationAnswer { Id = Guid.CreateVersion7(), RegistrationId = registration.Id, QuestionId = q.Id, Value = value });
            }
        }
    }

    /// <summary>Fills a form with what a registration holds (never the security data: the page says only whether it is on file).</summary>
    public static void Fill(RegistrationDetailsForm form, Registration r, IEnumerable<RegistrationAnswer> answers)
    {
        form.Name = r.Name;
        form.Organisation = r.OrganisationName;
        form.Position = r.Position;
        form.Sector = r.Sector;
        form.Country = r.Country;
        form.Phone = r.Phone;
        form.DietaryNeeds = r.DietaryNeeds;
        form.AccessibilityNeeds = r.AccessibilityNeeds;
        form.ListMeConsent = r.ListMeConsent;
        form.Answers = answers.ToDictionary(a => a.QuestionId, a => (string?)a.Value);
    }

    private static List<string> Split(string answer) => answer.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

using EventHub.Core.Data;

namespace EventHub.Benchmarks;

/// <summary>Data the benchmarks share.</summary>
public static class BenchmarkData
{
    /// <summary>
    /// Registrations as a big event sees them: one in five approved, one in seven nominated, one in ten from a private address
    /// (a flag), one in three with an approval on record. Adds to the context; the caller saves.
    /// </summary>
    public static void AddRegistrations(EventHubDbContext db, Guid eventId, int count, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            var email = i % 10 == 0 ? $"expert{i}@gmail.com" : $"expert{i}@nato.int";
            var r = new Registration
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Source = i % 7 == 0 ? RegistrationSource.Nomination : RegistrationSource.Invitation,
                Status = i % 5 == 0 ? RegistrationStatus.Approved : RegistrationStatus.Pending,
                Name = $"Expert {i % 1_900}",
                Email = email,
                NormalizedEmail = email,
                OrganisationName = "NATO",
                Position = "Adviser",
                Sector = Sector.Nato,
                CreatedAtUtc = now.AddMinutes(-i),
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            if (i % 3 == 0)
            {
                r.Approvals.Add(new RegistrationApproval { Id = Guid.NewGuid(), Group = "Organiser", Decision = VettingDecision.Approved, AtUtc = now });
            }

            db.Registrations.Add(r);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class AgendaCheckInConfiguration : IEntityTypeConfiguration<AgendaCheckIn>
{
    public void Configure(EntityTypeBuilder<AgendaCheckIn> b)
    {
        b.Property(c => c.ByName).HasMaxLength(256);
        b.Property(c => c.Device).HasMaxLength(100);
        // Once per person and session, whatever the number of doors.
        b.HasIndex(c => new { c.AgendaItemId, c.RegistrationId }).IsUnique();
        b.HasIndex(c => c.ClientId).IsUnique();
        b.HasIndex(c => c.EventId);
        // The agenda item's cascade alone: a second one from the registration would give SQL Server two paths from Event.
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(c => c.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

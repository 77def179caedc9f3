using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class EventTeamMemberConfiguration : IEntityTypeConfiguration<EventTeamMember>
{
    public void Configure(EntityTypeBuilder<EventTeamMember> b)
    {
        b.HasIndex(t => new { t.EventId, t.UserId, t.Role }).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.ApproverGroup).HasMaxLength(100);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

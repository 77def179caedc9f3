using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> b)
    {
        b.Property(r => r.Subject).HasMaxLength(500);
        b.HasIndex(r => new { r.EventId, r.Kind });
        b.OwnsMany(r => r.Translations, t =>
        {
            t.ToTable("ReminderRuleTexts");
            t.WithOwner().HasForeignKey("ReminderRuleId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.Property(x => x.Language).HasMaxLength(8);
            t.Property(x => x.Subject).HasMaxLength(500);
        });
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class SavedTextConfiguration : IEntityTypeConfiguration<SavedText>
{
    public void Configure(EntityTypeBuilder<SavedText> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Language).HasMaxLength(16).HasDefaultValue("en");
        b.Property(t => t.Subject).HasMaxLength(300);
        b.Property(t => t.SavedByName).HasMaxLength(256);
        b.HasIndex(t => new { t.OrganisationId, t.Kind, t.Name, t.Language }).IsUnique();
        b.HasOne(t => t.Organisation).WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistrationTagConfiguration : IEntityTypeConfiguration<RegistrationTag>
{
    public void Configure(EntityTypeBuilder<RegistrationTag> b)
    {
        b.Property(t => t.Name).HasMaxLength(40);
        b.HasIndex(t => new { t.EventId, t.Name }).IsUnique();
        b.HasOne(t => t.Event).WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationTagAssignmentConfiguration : IEntityTypeConfiguration<RegistrationTagAssignment>
{
    public void Configure(EntityTypeBuilder<RegistrationTagAssignment> b)
    {
        b.HasKey(a => new { a.RegistrationId, a.TagId });
        b.HasIndex(a => a.TagId);
        b.HasOne(a => a.Registration).WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // A second cascading path from the event (through the tag) is refused by SQL Server (error 1785): removing a tag
        // removes its assignments explicitly (DeleteRegistrationTag).
        b.HasOne(a => a.Tag).WithMany().HasForeignKey(a => a.TagId).OnDelete(DeleteBehavior.NoAction);
    }
}

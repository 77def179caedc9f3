IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [AtUtc] datetime2 NOT NULL,
        [ActorUserId] nvarchar(450) NULL,
        [ActorName] nvarchar(300) NULL,
        [Action] nvarchar(100) NOT NULL,
        [EventId] uniqueidentifier NULL,
        [SubjectType] nvarchar(100) NULL,
        [SubjectId] nvarchar(100) NULL,
        [Details] nvarchar(max) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Acronym] nvarchar(50) NULL,
        [Aliases] nvarchar(max) NOT NULL,
        [EmailDomains] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(200) NULL,
        [OrganisationId] uniqueidentifier NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(256) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [Events] (
        [Id] uniqueidentifier NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Description] nvarchar(max) NULL,
        [StartsAtUtc] datetime2 NOT NULL,
        [EndsAtUtc] datetime2 NOT NULL,
        [TimeZoneId] nvarchar(64) NOT NULL,
        [Venue] nvarchar(500) NULL,
        [City] nvarchar(200) NULL,
        [Capacity] int NOT NULL,
        [HostName] nvarchar(300) NULL,
        [HostOrganisationId] uniqueidentifier NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Events] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Events_Organisations_HostOrganisationId] FOREIGN KEY ([HostOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Events_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(128) NOT NULL,
        [ProviderKey] nvarchar(128) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserPasskeys] (
        [CredentialId] varbinary(1024) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AspNetUserPasskeys] PRIMARY KEY ([CredentialId]),
        CONSTRAINT [FK_AspNetUserPasskeys_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(128) NOT NULL,
        [Name] nvarchar(128) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [AgendaItems] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [StartsAtUtc] datetime2 NOT NULL,
        [EndsAtUtc] datetime2 NULL,
        [Confidentiality] nvarchar(32) NOT NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_AgendaItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgendaItems_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [EventCoOrganiser] (
        [EventId] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_EventCoOrganiser] PRIMARY KEY ([EventId], [OrganisationId]),
        CONSTRAINT [FK_EventCoOrganiser_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_EventCoOrganiser_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [EventTeamMembers] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Role] nvarchar(32) NOT NULL,
        [AddedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_EventTeamMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EventTeamMembers_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_EventTeamMembers_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [OutboundEmails] (
        [Id] uniqueidentifier NOT NULL,
        [CorrelationKey] nvarchar(200) NOT NULL,
        [ToAddress] nvarchar(320) NOT NULL,
        [ToName] nvarchar(300) NULL,
        [Subject] nvarchar(500) NOT NULL,
        [HtmlBody] nvarchar(max) NOT NULL,
        [TextBody] nvarchar(max) NOT NULL,
        [EventId] uniqueidentifier NULL,
        [Status] nvarchar(32) NOT NULL,
        [Attempts] int NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [NextAttemptAtUtc] datetime2 NOT NULL,
        [LastAttemptAtUtc] datetime2 NULL,
        [SentAtUtc] datetime2 NULL,
        [ClaimToken] uniqueidentifier NULL,
        [ClaimExpiresAtUtc] datetime2 NULL,
        [LastError] nvarchar(max) NULL,
        CONSTRAINT [PK_OutboundEmails] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboundEmails_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE TABLE [OutboundEmailAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [OutboundEmailId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Content] varbinary(max) NOT NULL,
        CONSTRAINT [PK_OutboundEmailAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboundEmailAttachments_OutboundEmails_OutboundEmailId] FOREIGN KEY ([OutboundEmailId]) REFERENCES [OutboundEmails] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AgendaItems_EventId] ON [AgendaItems] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserPasskeys_UserId] ON [AspNetUserPasskeys] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OrganisationId] ON [AspNetUsers] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_AtUtc] ON [AuditEntries] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EventId_AtUtc] ON [AuditEntries] ([EventId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_EventCoOrganiser_OrganisationId] ON [EventCoOrganiser] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_Events_HostOrganisationId] ON [Events] ([HostOrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_Events_OrganisationId] ON [Events] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_Events_StartsAtUtc] ON [Events] ([StartsAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EventTeamMembers_EventId_UserId_Role] ON [EventTeamMembers] ([EventId], [UserId], [Role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_EventTeamMembers_UserId] ON [EventTeamMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Organisations_Name] ON [Organisations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboundEmailAttachments_OutboundEmailId] ON [OutboundEmailAttachments] ([OutboundEmailId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboundEmails_ClaimToken] ON [OutboundEmails] ([ClaimToken]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboundEmails_CorrelationKey] ON [OutboundEmails] ([CorrelationKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboundEmails_EventId_CreatedAtUtc] ON [OutboundEmails] ([EventId], [CreatedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboundEmails_Status_NextAttemptAtUtc] ON [OutboundEmails] ([Status], [NextAttemptAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128164829_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128164829_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE TABLE [Contacts] (
        [Id] uniqueidentifier NOT NULL,
        [DirectoryOrganisationId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Email] nvarchar(320) NOT NULL,
        [NormalizedEmail] nvarchar(320) NOT NULL,
        [OrganisationId] uniqueidentifier NULL,
        [OrganisationName] nvarchar(300) NULL,
        [Sector] nvarchar(32) NOT NULL,
        [Position] nvarchar(300) NULL,
        [Country] nvarchar(100) NULL,
        [Tags] nvarchar(max) NOT NULL,
        [Notes] nvarchar(max) NULL,
        [DoNotContact] bit NOT NULL,
        [DoNotContactSinceUtc] datetime2 NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Contacts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Contacts_Organisations_DirectoryOrganisationId] FOREIGN KEY ([DirectoryOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Contacts_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE TABLE [ReminderRules] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Enabled] bit NOT NULL,
        [DaysAfterSending] int NULL,
        [MaxNudges] int NULL,
        [DaysBefore] int NULL,
        [LocalTime] time NULL,
        [SendAtUtc] datetime2 NULL,
        [Audience] nvarchar(32) NULL,
        [Subject] nvarchar(500) NOT NULL,
        [Message] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReminderRules] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReminderRules_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE TABLE [Invitations] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [ContactId] uniqueidentifier NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [Subject] nvarchar(500) NOT NULL,
        [Message] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [SentAtUtc] datetime2 NOT NULL,
        [RespondedAtUtc] datetime2 NULL,
        [ExpiresAtUtc] datetime2 NULL,
        [DeclineReason] nvarchar(2000) NULL,
        [Resends] int NOT NULL,
        [NudgesSent] int NOT NULL,
        CONSTRAINT [PK_Invitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Invitations_Contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [Contacts] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Invitations_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE TABLE [InvitationHistory] (
        [Id] bigint NOT NULL IDENTITY,
        [InvitationId] uniqueidentifier NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Action] nvarchar(50) NOT NULL,
        [Detail] nvarchar(max) NULL,
        [ActorName] nvarchar(300) NULL,
        CONSTRAINT [PK_InvitationHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InvitationHistory_Invitations_InvitationId] FOREIGN KEY ([InvitationId]) REFERENCES [Invitations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE TABLE [Registrations] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Source] nvarchar(32) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [InvitationId] uniqueidentifier NULL,
        [NominatedByInvitationId] uniqueidentifier NULL,
        [NominationReason] nvarchar(2000) NULL,
        [Name] nvarchar(300) NOT NULL,
        [Email] nvarchar(320) NOT NULL,
        [NormalizedEmail] nvarchar(320) NOT NULL,
        [OrganisationId] uniqueidentifier NULL,
        [OrganisationName] nvarchar(300) NULL,
        [Position] nvarchar(300) NULL,
        [RuleAcknowledgedAtUtc] datetime2 NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Registrations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Registrations_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Registrations_Invitations_InvitationId] FOREIGN KEY ([InvitationId]) REFERENCES [Invitations] ([Id]),
        CONSTRAINT [FK_Registrations_Invitations_NominatedByInvitationId] FOREIGN KEY ([NominatedByInvitationId]) REFERENCES [Invitations] ([Id]),
        CONSTRAINT [FK_Registrations_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Contacts_DirectoryOrganisationId_Name] ON [Contacts] ([DirectoryOrganisationId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Contacts_DirectoryOrganisationId_NormalizedEmail] ON [Contacts] ([DirectoryOrganisationId], [NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Contacts_OrganisationId] ON [Contacts] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_InvitationHistory_InvitationId_AtUtc] ON [InvitationHistory] ([InvitationId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Invitations_ContactId] ON [Invitations] ([ContactId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Invitations_EventId_ContactId] ON [Invitations] ([EventId], [ContactId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Invitations_EventId_Status] ON [Invitations] ([EventId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Invitations_TokenHash] ON [Invitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Registrations_EventId_NormalizedEmail] ON [Registrations] ([EventId], [NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Registrations_EventId_Status] ON [Registrations] ([EventId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Registrations_InvitationId] ON [Registrations] ([InvitationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Registrations_NominatedByInvitationId] ON [Registrations] ([NominatedByInvitationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_Registrations_OrganisationId] ON [Registrations] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    CREATE INDEX [IX_ReminderRules_EventId_Kind] ON [ReminderRules] ([EventId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171430_Invitations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128171430_Invitations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    DROP INDEX [IX_Invitations_TokenHash] ON [Invitations];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Invitations]') AND [c].[name] = N'TokenHash');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Invitations] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Invitations] DROP COLUMN [TokenHash];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    CREATE TABLE [InvitationLinks] (
        [Id] uniqueidentifier NOT NULL,
        [InvitationId] uniqueidentifier NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_InvitationLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InvitationLinks_Invitations_InvitationId] FOREIGN KEY ([InvitationId]) REFERENCES [Invitations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    CREATE INDEX [IX_InvitationLinks_InvitationId] ON [InvitationLinks] ([InvitationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InvitationLinks_TokenHash] ON [InvitationLinks] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128171822_InvitationLinks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128171822_InvitationLinks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128172826_DispatcherLease'
)
BEGIN
    CREATE TABLE [DispatcherLeases] (
        [Name] nvarchar(50) NOT NULL,
        [Holder] nvarchar(64) NULL,
        [ExpiresAtUtc] datetime2 NULL,
        CONSTRAINT [PK_DispatcherLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128172826_DispatcherLease'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'ExpiresAtUtc', N'Holder') AND [object_id] = OBJECT_ID(N'[DispatcherLeases]'))
        SET IDENTITY_INSERT [DispatcherLeases] ON;
    EXEC(N'INSERT INTO [DispatcherLeases] ([Name], [ExpiresAtUtc], [Holder])
    VALUES (N''relay'', NULL, NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'ExpiresAtUtc', N'Holder') AND [object_id] = OBJECT_ID(N'[DispatcherLeases]'))
        SET IDENTITY_INSERT [DispatcherLeases] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128172826_DispatcherLease'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128172826_DispatcherLease', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [AccessibilityNeeds] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [ApprovedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [CancelledAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [ConcurrencyStamp] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [DecidedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [DietaryNeeds] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [ListMeConsent] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [OfferExpiresAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [OverCapacity] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [Phone] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [ProtectedSecurityData] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [Sector] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Registrations] ADD [WaitlistedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [EventTeamMembers] ADD [ApproverGroup] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [AllowRequests] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [ApprovedCount] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [ApproverGroups] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [EditCutoffUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [RequireSecurityData] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    ALTER TABLE [Events] ADD [WaitlistOfferHours] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE TABLE [RegistrationApprovals] (
        [Id] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NOT NULL,
        [Group] nvarchar(100) NOT NULL,
        [Decision] nvarchar(32) NOT NULL,
        [DecidedByUserId] nvarchar(450) NULL,
        [DecidedByName] nvarchar(300) NULL,
        [AtUtc] datetime2 NOT NULL,
        [InternalReason] nvarchar(2000) NULL,
        [MessageToPerson] nvarchar(4000) NULL,
        [Superseded] bit NOT NULL,
        CONSTRAINT [PK_RegistrationApprovals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegistrationApprovals_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE TABLE [RegistrationLinks] (
        [Id] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_RegistrationLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegistrationLinks_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE TABLE [RegistrationQuestions] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Label] nvarchar(500) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Options] nvarchar(max) NOT NULL,
        [Required] bit NOT NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_RegistrationQuestions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegistrationQuestions_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE TABLE [RegistrationAnswers] (
        [Id] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NOT NULL,
        [QuestionId] uniqueidentifier NOT NULL,
        [Value] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_RegistrationAnswers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegistrationAnswers_RegistrationQuestions_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [RegistrationQuestions] ([Id]),
        CONSTRAINT [FK_RegistrationAnswers_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE INDEX [IX_RegistrationAnswers_QuestionId] ON [RegistrationAnswers] ([QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RegistrationAnswers_RegistrationId_QuestionId] ON [RegistrationAnswers] ([RegistrationId], [QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE INDEX [IX_RegistrationApprovals_RegistrationId_Group_Superseded] ON [RegistrationApprovals] ([RegistrationId], [Group], [Superseded]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE INDEX [IX_RegistrationLinks_RegistrationId] ON [RegistrationLinks] ([RegistrationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RegistrationLinks_TokenHash] ON [RegistrationLinks] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    CREATE INDEX [IX_RegistrationQuestions_EventId_SortOrder] ON [RegistrationQuestions] ([EventId], [SortOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128175104_Vetting'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128175104_Vetting', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Registrations] ADD [AnonymisedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [AccessListFields] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [EntranceInstructions] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [PersonalDataAnonymisedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [PersonalDataRetentionMonths] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [SecurityDataErasedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [Events] ADD [SecurityDataRetentionDays] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [AuditEntries] ADD [ChainIndex] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [AuditEntries] ADD [ContentDigest] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [AuditEntries] ADD [Hash] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    ALTER TABLE [AuditEntries] ADD [RedactedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [AccessPasses] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NOT NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [ProtectedToken] nvarchar(1000) NOT NULL,
        [IssuedAtUtc] datetime2 NOT NULL,
        [VoidedAtUtc] datetime2 NULL,
        [VoidReason] nvarchar(500) NULL,
        CONSTRAINT [PK_AccessPasses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AccessPasses_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [CheckIns] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NULL,
        [AccessPassId] uniqueidentifier NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [OrganisationName] nvarchar(300) NULL,
        [AtUtc] datetime2 NOT NULL,
        [ByUserId] nvarchar(max) NULL,
        [ByName] nvarchar(256) NULL,
        [Device] nvarchar(100) NULL,
        [Reason] nvarchar(1000) NULL,
        CONSTRAINT [PK_CheckIns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CheckIns_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [EventDocuments] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(100) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAtUtc] datetime2 NOT NULL,
        [UploadedByUserId] nvarchar(max) NULL,
        [UploadedByName] nvarchar(256) NULL,
        [DeletedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_EventDocuments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EventDocuments_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [OnRecordConsents] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NULL,
        [Name] nvarchar(300) NOT NULL,
        [Email] nvarchar(256) NULL,
        [Affiliation] nvarchar(300) NULL,
        [Scope] nvarchar(32) NOT NULL,
        [AgendaItemIds] nvarchar(max) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [RequestTokenHash] nvarchar(64) NULL,
        [RequestedAtUtc] datetime2 NULL,
        [ConfirmedAtUtc] datetime2 NULL,
        [WithdrawnAtUtc] datetime2 NULL,
        [RecordedByUserId] nvarchar(max) NULL,
        [RecordedByName] nvarchar(256) NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_OnRecordConsents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OnRecordConsents_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [ReportNotes] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [AuthorUserId] nvarchar(450) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportNotes_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [Reports] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Markdown] nvarchar(max) NOT NULL,
        [CurrentVersion] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [RequiredReviewGroups] nvarchar(max) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [UpdatedByName] nvarchar(256) NULL,
        [CirculatedAtUtc] datetime2 NULL,
        [PublicSlug] nvarchar(100) NULL,
        [PublishedAtUtc] datetime2 NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Reports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reports_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [SuppressedAddresses] (
        [Id] uniqueidentifier NOT NULL,
        [EmailHash] nvarchar(64) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_SuppressedAddresses] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [AttributionDismissals] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [FindingKey] nvarchar(400) NOT NULL,
        [MatchedText] nvarchar(300) NOT NULL,
        [Reason] nvarchar(max) NOT NULL,
        [ByUserId] nvarchar(max) NULL,
        [ByName] nvarchar(256) NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_AttributionDismissals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AttributionDismissals_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [ReportCirculations] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [VersionNumber] int NOT NULL,
        [Audiences] nvarchar(max) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [ByUserId] nvarchar(max) NULL,
        [ByName] nvarchar(256) NULL,
        CONSTRAINT [PK_ReportCirculations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportCirculations_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [ReportComments] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [VersionNumber] int NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [AuthorUserId] nvarchar(max) NULL,
        [AuthorName] nvarchar(256) NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportComments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportComments_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [ReportReviews] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [Group] nvarchar(100) NOT NULL,
        [Decision] nvarchar(32) NOT NULL,
        [VersionNumber] int NOT NULL,
        [Comment] nvarchar(max) NULL,
        [ReviewerUserId] nvarchar(max) NULL,
        [ReviewerName] nvarchar(256) NULL,
        [AtUtc] datetime2 NOT NULL,
        [Superseded] bit NOT NULL,
        CONSTRAINT [PK_ReportReviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportReviews_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [ReportVersions] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [Markdown] nvarchar(max) NOT NULL,
        [Autosave] bit NOT NULL,
        [SavedAtUtc] datetime2 NOT NULL,
        [SavedByUserId] nvarchar(max) NULL,
        [SavedByName] nvarchar(256) NULL,
        CONSTRAINT [PK_ReportVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportVersions_Reports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [Reports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE TABLE [CirculationRecipients] (
        [Id] uniqueidentifier NOT NULL,
        [CirculationId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [Email] nvarchar(256) NOT NULL,
        [Reference] nvarchar(20) NOT NULL,
        [RegistrationId] uniqueidentifier NULL,
        [OutboundEmailId] uniqueidentifier NULL,
        CONSTRAINT [PK_CirculationRecipients] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CirculationRecipients_ReportCirculations_CirculationId] FOREIGN KEY ([CirculationId]) REFERENCES [ReportCirculations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Action_AtUtc] ON [AuditEntries] ([Action], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ActorUserId_AtUtc] ON [AuditEntries] ([ActorUserId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AuditEntries_ChainIndex] ON [AuditEntries] ([ChainIndex]) WHERE [ChainIndex] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_AccessPasses_EventId] ON [AccessPasses] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_AccessPasses_RegistrationId] ON [AccessPasses] ([RegistrationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AccessPasses_TokenHash] ON [AccessPasses] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AttributionDismissals_ReportId_FindingKey] ON [AttributionDismissals] ([ReportId], [FindingKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_CheckIns_EventId_AtUtc] ON [CheckIns] ([EventId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CheckIns_RegistrationId] ON [CheckIns] ([RegistrationId]) WHERE [RegistrationId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_CirculationRecipients_CirculationId] ON [CirculationRecipients] ([CirculationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CirculationRecipients_Reference] ON [CirculationRecipients] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_EventDocuments_EventId] ON [EventDocuments] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_OnRecordConsents_EventId] ON [OnRecordConsents] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OnRecordConsents_RequestTokenHash] ON [OnRecordConsents] ([RequestTokenHash]) WHERE [RequestTokenHash] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_ReportCirculations_ReportId] ON [ReportCirculations] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_ReportComments_ReportId_AtUtc] ON [ReportComments] ([ReportId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_ReportNotes_EventId_AuthorUserId] ON [ReportNotes] ([EventId], [AuthorUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE INDEX [IX_ReportReviews_ReportId_Group_Superseded] ON [ReportReviews] ([ReportId], [Group], [Superseded]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reports_EventId] ON [Reports] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Reports_PublicSlug] ON [Reports] ([PublicSlug]) WHERE [PublicSlug] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReportVersions_ReportId_Number] ON [ReportVersions] ([ReportId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SuppressedAddresses_EmailHash] ON [SuppressedAddresses] ([EmailHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128190900_AccessReportsPrivacy'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128190900_AccessReportsPrivacy', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203082256_InviteeNameRule'
)
BEGIN
    ALTER TABLE [Events] ADD [RequireInviteeName] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203082256_InviteeNameRule'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203082256_InviteeNameRule', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203093754_RegistrationCountry'
)
BEGIN
    ALTER TABLE [Registrations] ADD [Country] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203093754_RegistrationCountry'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203093754_RegistrationCountry', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203095749_OrganisationRoles'
)
BEGIN
    CREATE TABLE [OrganisationRoleGrants] (
        [OrganisationId] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Role] nvarchar(32) NOT NULL,
        [GrantedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_OrganisationRoleGrants] PRIMARY KEY ([OrganisationId], [UserId], [Role]),
        CONSTRAINT [FK_OrganisationRoleGrants_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_OrganisationRoleGrants_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203095749_OrganisationRoles'
)
BEGIN
    CREATE INDEX [IX_OrganisationRoleGrants_UserId] ON [OrganisationRoleGrants] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203095749_OrganisationRoles'
)
BEGIN
    INSERT INTO [OrganisationRoleGrants] ([OrganisationId], [UserId], [Role], [GrantedAtUtc])
    SELECT e.[OrganisationId], t.[UserId], r.[Role], MIN(t.[AddedAtUtc])
    FROM [EventTeamMembers] t
    INNER JOIN [Events] e ON e.[Id] = t.[EventId]
    CROSS JOIN (SELECT 'CreatesEvents' AS [Role] UNION ALL SELECT 'KeepsDirectory') r
    WHERE t.[Role] = 'Organiser'
    GROUP BY e.[OrganisationId], t.[UserId], r.[Role];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203095749_OrganisationRoles'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203095749_OrganisationRoles', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203131811_OrganiserDay'
)
BEGIN
    ALTER TABLE [RegistrationApprovals] ADD [OverrideReason] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203131811_OrganiserDay'
)
BEGIN
    ALTER TABLE [RegistrationApprovals] ADD [OverridesCapacity] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203131811_OrganiserDay'
)
BEGIN
    ALTER TABLE [Events] ADD [ReportReviewerGroups] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203131811_OrganiserDay'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203131811_OrganiserDay', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE TABLE [RegistrationTags] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Name] nvarchar(40) NOT NULL,
        [Colour] nvarchar(32) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_RegistrationTags] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RegistrationTags_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE TABLE [SavedTexts] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Language] nvarchar(16) NOT NULL DEFAULT N'en',
        [Subject] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [SavedByName] nvarchar(256) NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_SavedTexts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SavedTexts_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE TABLE [RegistrationTagAssignments] (
        [RegistrationId] uniqueidentifier NOT NULL,
        [TagId] uniqueidentifier NOT NULL,
        [TaggedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_RegistrationTagAssignments] PRIMARY KEY ([RegistrationId], [TagId]),
        CONSTRAINT [FK_RegistrationTagAssignments_RegistrationTags_TagId] FOREIGN KEY ([TagId]) REFERENCES [RegistrationTags] ([Id]),
        CONSTRAINT [FK_RegistrationTagAssignments_Registrations_RegistrationId] FOREIGN KEY ([RegistrationId]) REFERENCES [Registrations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE INDEX [IX_RegistrationTagAssignments_TagId] ON [RegistrationTagAssignments] ([TagId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RegistrationTags_EventId_Name] ON [RegistrationTags] ([EventId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SavedTexts_OrganisationId_Kind_Name_Language] ON [SavedTexts] ([OrganisationId], [Kind], [Name], [Language]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135035_EventReuseAndTags'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203135035_EventReuseAndTags', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    ALTER TABLE [Events] ADD [CheckInPerAgendaItem] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    ALTER TABLE [Events] ADD [NameCardsShowOrganisation] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    ALTER TABLE [CheckIns] ADD [ClientId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    ALTER TABLE [CheckIns] ADD [DoorSessionId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE TABLE [AgendaCheckIns] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [AgendaItemId] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NOT NULL,
        [ClientId] uniqueidentifier NULL,
        [AtUtc] datetime2 NOT NULL,
        [ByName] nvarchar(256) NULL,
        [Device] nvarchar(100) NULL,
        CONSTRAINT [PK_AgendaCheckIns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgendaCheckIns_AgendaItems_AgendaItemId] FOREIGN KEY ([AgendaItemId]) REFERENCES [AgendaItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE TABLE [DoorConflicts] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [RegistrationId] uniqueidentifier NULL,
        [CheckInId] uniqueidentifier NULL,
        [ClientId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [OrganisationName] nvarchar(300) NULL,
        [AtUtc] datetime2 NOT NULL,
        [Device] nvarchar(100) NULL,
        [ByName] nvarchar(256) NULL,
        [DoorSessionId] uniqueidentifier NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_DoorConflicts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DoorConflicts_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE TABLE [DoorSessions] (
        [Id] uniqueidentifier NOT NULL,
        [EventId] uniqueidentifier NOT NULL,
        [Label] nvarchar(100) NOT NULL,
        [StaffName] nvarchar(100) NULL,
        [TokenHash] nvarchar(64) NOT NULL,
        [ProtectedListKey] nvarchar(1000) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [CreatedByUserId] nvarchar(450) NULL,
        [ExpiresAtUtc] datetime2 NOT NULL,
        [RevokedAtUtc] datetime2 NULL,
        [RevokedBy] nvarchar(256) NULL,
        [LastSeenAtUtc] datetime2 NULL,
        CONSTRAINT [PK_DoorSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DoorSessions_Events_EventId] FOREIGN KEY ([EventId]) REFERENCES [Events] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CheckIns_ClientId] ON [CheckIns] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AgendaCheckIns_AgendaItemId_RegistrationId] ON [AgendaCheckIns] ([AgendaItemId], [RegistrationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AgendaCheckIns_ClientId] ON [AgendaCheckIns] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE INDEX [IX_AgendaCheckIns_EventId] ON [AgendaCheckIns] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DoorConflicts_ClientId] ON [DoorConflicts] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE INDEX [IX_DoorConflicts_EventId_RecordedAtUtc] ON [DoorConflicts] ([EventId], [RecordedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE INDEX [IX_DoorSessions_EventId] ON [DoorSessions] ([EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DoorSessions_TokenHash] ON [DoorSessions] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135433_OfflineDoor'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203135433_OfflineDoor', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    ALTER TABLE [ReminderRules] ADD [EnglishWhereMissing] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    ALTER TABLE [Registrations] ADD [Language] nvarchar(8) NOT NULL DEFAULT N'en';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    ALTER TABLE [Invitations] ADD [Language] nvarchar(8) NOT NULL DEFAULT N'en';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    ALTER TABLE [Contacts] ADD [PreferredLanguage] nvarchar(8) NOT NULL DEFAULT N'en';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [PreferredLanguage] nvarchar(8) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    CREATE TABLE [ReminderRuleTexts] (
        [Id] int NOT NULL IDENTITY,
        [Language] nvarchar(8) NOT NULL,
        [Subject] nvarchar(500) NOT NULL,
        [Message] nvarchar(max) NOT NULL,
        [ReminderRuleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ReminderRuleTexts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReminderRuleTexts_ReminderRules_ReminderRuleId] FOREIGN KEY ([ReminderRuleId]) REFERENCES [ReminderRules] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    CREATE INDEX [IX_ReminderRuleTexts_ReminderRuleId] ON [ReminderRuleTexts] ([ReminderRuleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203135937_Languages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203135937_Languages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203141025_OrganiserDayTimes'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [TimeZoneId] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203141025_OrganiserDayTimes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203141025_OrganiserDayTimes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203170344_CirculationSessions'
)
BEGIN
    ALTER TABLE [ReportCirculations] ADD [AgendaItemIds] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203170344_CirculationSessions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203170344_CirculationSessions', N'10.0.15');
END;

COMMIT;
GO


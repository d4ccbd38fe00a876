namespace ContactOS.Storage.Tests.Orleans;

/// <summary>
/// The OrleansQuery keys Orleans' ADO.NET providers (10.4) refuse to start without: each provider reads the whole
/// table at start-up and fails on the first missing key.
/// </summary>
internal static class OrleansQueryKeys
{
    public static readonly string[] Clustering =
    [
        "CleanupDefunctSiloEntriesKey",
        "DeleteMembershipTableEntriesKey",
        "GatewaysQueryKey",
        "InsertMembershipKey",
        "InsertMembershipVersionKey",
        "MembershipReadAllKey",
        "MembershipReadRowKey",
        "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey",
    ];

    public static readonly string[] Reminders =
    [
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "ReadReminderRowsKey",
        "UpsertReminderRowKey",
    ];
}

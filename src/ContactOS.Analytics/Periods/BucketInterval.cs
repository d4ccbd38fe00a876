namespace ContactOS.Analytics.Periods;

/// <summary>The size of a time bucket: one local hour or one local day of the tenant's time zone.</summary>
public enum BucketInterval
{
    Hour,
    Day,
}

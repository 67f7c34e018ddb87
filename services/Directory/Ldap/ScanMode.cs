namespace Whfb.Directory.Ldap;

public enum ScanMode
{
    /// <summary>Every object with a value: <c>(msDS-KeyCredentialLink=*)</c>.</summary>
    Full,

    /// <summary>Every user changed since the cursor: <c>(&amp;(objectClass=user)(uSNChanged&gt;=N+1))</c>.</summary>
    Incremental,
}

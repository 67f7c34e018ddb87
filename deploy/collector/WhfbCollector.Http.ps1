# Posting to Ingest with retry and exponential backoff (Windows PowerShell 5.1 and PowerShell 7).

function Get-WhfbStatusCode($ErrorRecord) {
    $response = $ErrorRecord.Exception.Response
    if ($null -eq $response) { return 0 }
    return [int]$response.StatusCode
}

function Get-WhfbRetryAfter($ErrorRecord) {
    $response = $ErrorRecord.Exception.Response
    if ($null -eq $response) { return $null }
    if ($response.Headers.RetryAfter -and $response.Headers.RetryAfter.Delta) { return $response.Headers.RetryAfter.Delta.TotalSeconds }
    $value = try { $response.Headers['Retry-After'] } catch { $null }
    if ($value -as [double]) { return [double]$value }
    return $null
}

# One POST with Bearer $Key: @{ Status; Content } of Ingest's final answer (Status 0: none after every attempt).
# Retries 429, 5xx and network errors; other answers (400, 401, 403, 413) are final.
function Send-WhfbRequest([string] $Path, [string] $Body, [string] $ContentType, [string] $Key) {
    $uri = $IngestUrl.TrimEnd('/') + $Path
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($Body)
    for ($attempt = 1; $attempt -le $MaxAttempts; $attempt++) {
        try {
            $response = Invoke-WebRequest -Uri $uri -Method Post -Body $bytes -ContentType $ContentType -UseBasicParsing `
                -Headers @{ Authorization = "Bearer $Key" } -TimeoutSec 60 -ErrorAction Stop
            return @{ Status = [int]$response.StatusCode; Content = [string]$response.Content }
        }
        catch {
            $status = Get-WhfbStatusCode $_
            if ($status -ne 0 -and $status -ne 429 -and $status -lt 500) {
                Write-Warning "POST $Path refused with $status; not retrying: $($_.ErrorDetails.Message)"
                return @{ Status = $status; Content = [string]$_.ErrorDetails.Message }
            }
            if ($attempt -eq $MaxAttempts) { break }
            $delay = Get-WhfbRetryAfter $_
            if ($null -eq $delay) { $delay = [Math]::Min($MaxDelaySeconds, $InitialDelaySeconds * [Math]::Pow(2, $attempt - 1)) }
            Write-Verbose "POST $Path failed ($status); retry $attempt of $($MaxAttempts - 1) in $delay s"
            Start-Sleep -Milliseconds ([int]($delay * 1000))
        }
    }
    Write-Warning "POST $Path failed after $MaxAttempts attempts; the data stays for the next run"
    return @{ Status = 0; Content = $null }
}

# Pester 5 tests of the collector on any OS: the Windows-only functions are mocked (recorded samples; the ACL and DPAPI
# calls by stand-ins), and the posts go to a real Ingest at $env:WHFB_TEST_INGEST_URL that enrolls devices with the
# enrollment key in $env:WHFB_TEST_ENROLLMENT_KEY (and refuses that key anything else).

Describe 'Collector' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Send-WhfbDeviceReport.ps1')
        $samples = Join-Path $PSScriptRoot 'samples'
        $script:Events = Get-Content (Join-Path $samples 'events.json') -Raw | ConvertFrom-Json
        $script:Status = Get-Content (Join-Path $samples 'dsregcmd-status.txt') -Raw
        $script:Registry = Get-Content (Join-Path $samples 'registry.json') -Raw | ConvertFrom-Json -AsHashtable
        $script:SampleDevice = '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b'
        $script:System = @{ Owner = 'S-1-5-18'; Rules = @(@{ Identity = 'S-1-5-18'; Type = 'Allow' }); IsReparsePoint = $false }
        $script:MadeUpKey = 'whfbc_' + ('A' * 43)
    }

    BeforeEach {
        $IngestUrl = $env:WHFB_TEST_INGEST_URL
        $EnrollmentKey = $env:WHFB_TEST_ENROLLMENT_KEY
        $DataFolder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $BatchSize = 2
        $MaxAttempts = 4
        Mock Get-WhfbRegistrationEvents { $script:Events | Where-Object RecordId -gt $AfterRecordId }
        Mock Invoke-WhfbDsregcmd { $script:Status }
        Mock Get-WhfbDeviceName { 'PC-ADA-01' }
        Mock Get-WhfbUserSids { @() }
        Mock Read-WhfbRegistryKey { if ($Path -like '*Microsoft\Policies\PassportForWork') { $script:Registry.mdm } else { $script:Registry.gpo } }
        Mock Start-Sleep { }
        Mock New-WhfbSecureFolder { New-Item -ItemType Directory -Path $Path | Out-Null }
        Mock Get-WhfbFolderSecurity { $script:System }
        Mock Set-WhfbSystemOnlyAcl { }
        Mock Get-WhfbCurrentSid { 'S-1-5-18' }
        Mock Protect-WhfbSecret { 'dpapi:' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Secret)) }
        Mock Unprotect-WhfbSecret {
            if (-not $Protected.StartsWith('dpapi:')) { throw 'not protected on this machine' }
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Protected.Substring(6)))
        }
    }

    Describe 'Records' {
        It 'maps a Get-WinEvent record with its EventData and UTC time' {
            $record = ConvertTo-WhfbEventRecord -WinEvent $script:Events[1] -DeviceId $script:SampleDevice -DeviceName 'PC'
            $record.eventId | Should -Be 300
            $record.recordId | Should -Be 4102
            $record.timeCreated | Should -Be '2026-11-25T08:01:10.0000000Z'
            ($record.eventData | Where-Object name -eq 'KeyId').value | Should -Be '{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}'
            $record.userSid | Should -Be 'S-1-5-21-1004336348-1177238915-682003330-1105'
        }

        It 'sends no SID for an event without a user' {
            (ConvertTo-WhfbEventRecord -WinEvent $script:Events[0] -DeviceId $script:SampleDevice -DeviceName 'PC').userSid | Should -BeNullOrEmpty
        }

        It 'takes the Entra device id from dsregcmd /status' {
            Get-WhfbDeviceId $script:Status | Should -Be $script:SampleDevice
            Get-WhfbDeviceId 'nothing here' | Should -BeNullOrEmpty
        }
    }

    Describe 'Transport' {
        It 'refuses plain http to anything but loopback, before any other step' {
            Test-WhfbIngestUrl 'https://ingest.contoso.com' | Should -BeTrue
            Test-WhfbIngestUrl 'http://127.0.0.1:5101' | Should -BeTrue
            Test-WhfbIngestUrl 'http://localhost:5101/' | Should -BeTrue
            Test-WhfbIngestUrl 'http://[::1]:5101' | Should -BeTrue
            Test-WhfbIngestUrl 'http://ingest.contoso.com' | Should -BeFalse
            Test-WhfbIngestUrl 'http://10.0.0.5:5101' | Should -BeFalse
            Test-WhfbIngestUrl 'ftp://ingest.contoso.com' | Should -BeFalse
            Test-WhfbIngestUrl 'ingest.contoso.com' | Should -BeFalse

            $IngestUrl = 'http://ingest.contoso.com'
            Invoke-WhfbCollector | Should -Be 1
            Should -Invoke New-WhfbSecureFolder -Times 0
            Should -Invoke Invoke-WhfbDsregcmd -Times 0
        }

        It 'forces TLS 1.2 on Windows PowerShell 5.1 and leaves PowerShell 7 to the system' {
            try {
                [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls11
                Set-WhfbTls12 -Edition 'Core'
                ([Net.ServicePointManager]::SecurityProtocol -band [Net.SecurityProtocolType]::Tls12) | Should -Be 0
                Set-WhfbTls12 -Edition 'Desktop'
                ([Net.ServicePointManager]::SecurityProtocol -band [Net.SecurityProtocolType]::Tls12) | Should -Be ([Net.SecurityProtocolType]::Tls12)
            }
            finally { [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::SystemDefault }
        }
    }

    Describe 'Data folder' {
        It 'is created with the SYSTEM-only ACL when missing' {
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Should -Invoke New-WhfbSecureFolder -Times 1 -Exactly -ParameterFilter { $Path -eq $DataFolder }
            Should -Invoke Set-WhfbSystemOnlyAcl -Times 0
        }

        It 'is refused, and nothing is sent, when a user created it first' {
            New-Item -ItemType Directory -Path $DataFolder | Out-Null
            Mock Get-WhfbFolderSecurity { @{ Owner = 'S-1-5-21-1004336348-1177238915-682003330-1105'; Rules = $script:System.Rules; IsReparsePoint = $false } }
            Invoke-WhfbCollector | Should -Be 1
            Should -Invoke New-WhfbSecureFolder -Times 0
            Should -Invoke Invoke-WhfbDsregcmd -Times 0
            Test-Path (Join-Path $DataFolder 'device.key') | Should -BeFalse
        }

        It 'is refused when it is a junction or link' {
            New-Item -ItemType Directory -Path $DataFolder | Out-Null
            Mock Get-WhfbFolderSecurity { @{ Owner = 'S-1-5-18'; Rules = $script:System.Rules; IsReparsePoint = $true } }
            Initialize-WhfbDataFolder $DataFolder | Should -BeFalse
        }

        It 'gets the SYSTEM-only ACL back when SYSTEM owns it but others may open it' {
            New-Item -ItemType Directory -Path $DataFolder | Out-Null
            Mock Get-WhfbFolderSecurity { @{ Owner = 'S-1-5-18'; Rules = @(@{ Identity = 'S-1-5-18'; Type = 'Allow' }, @{ Identity = 'S-1-5-32-545'; Type = 'Allow' }); IsReparsePoint = $false } }
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Should -Invoke Set-WhfbSystemOnlyAcl -Times 1 -Exactly -ParameterFilter { $Path -eq $DataFolder }
        }
    }

    Describe 'Sending to Ingest' {
        It 'enrolls once, keeps its device key protected in the data folder, and posts with it' {
            Mock Set-WhfbTls12 { }
            Invoke-WhfbCollector | Should -Be 0
            Read-WhfbBookmark | Should -Be 4103
            Should -Invoke Set-WhfbTls12 -Times 1 -Exactly
            Should -Invoke Start-Sleep -Times 0
            $stored = Get-Content (Join-Path $DataFolder 'device.key') -Raw
            $stored | Should -Not -Match 'whfbc_'
            $key = Read-WhfbDeviceKey
            $key | Should -Match '^whfbc_[A-Za-z0-9_-]{43}$'
            $key | Should -Not -Be $EnrollmentKey

            Invoke-WhfbCollector | Should -Be 0
            Read-WhfbDeviceKey | Should -Be $key
        }

        It 'reads only the events after its bookmark' {
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Save-WhfbBookmark 4102
            Invoke-WhfbCollector | Should -Be 0
            Should -Invoke Get-WhfbRegistrationEvents -Times 1 -Exactly -ParameterFilter { $AfterRecordId -eq 4102 }
            Read-WhfbBookmark | Should -Be 4103
        }

        It 'enrolls again when Ingest no longer accepts its stored key' {
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Save-WhfbBookmark 4103
            Save-WhfbDeviceKey $script:MadeUpKey
            Invoke-WhfbCollector | Should -Be 0
            $key = Read-WhfbDeviceKey
            $key | Should -Match '^whfbc_'
            $key | Should -Not -Be $script:MadeUpKey
        }

        It 'keeps the bookmark and does not retry when Ingest refuses the enrollment key' {
            $EnrollmentKey = 'whfbc_revoked-or-wrong'
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Save-WhfbBookmark 4100
            Invoke-WhfbCollector | Should -Be 1
            Read-WhfbBookmark | Should -Be 4100
            Test-Path (Join-Path $DataFolder 'device.key') | Should -BeFalse
            Should -Invoke Start-Sleep -Times 0
        }

        It 'retries with exponential backoff while Ingest is unreachable, then keeps the bookmark' {
            $IngestUrl = 'http://127.0.0.1:9'
            $InitialDelaySeconds = 2
            Initialize-WhfbDataFolder $DataFolder | Should -BeTrue
            Save-WhfbDeviceKey $script:MadeUpKey
            Save-WhfbBookmark 4100
            Invoke-WhfbCollector | Should -Be 1
            Read-WhfbBookmark | Should -Be 4100
            Should -Invoke Start-Sleep -Times 3 -Exactly -ParameterFilter { $Milliseconds -eq 2000 }
            Should -Invoke Start-Sleep -Times 3 -Exactly -ParameterFilter { $Milliseconds -eq 4000 }
            Should -Invoke Start-Sleep -Times 3 -Exactly -ParameterFilter { $Milliseconds -eq 8000 }
        }

        It 'reports nothing for a device without an Entra device id' {
            Mock Invoke-WhfbDsregcmd { 'AzureAdJoined : NO' }
            Invoke-WhfbCollector | Should -Be 1
            Should -Invoke Get-WhfbRegistrationEvents -Times 0
        }
    }
}

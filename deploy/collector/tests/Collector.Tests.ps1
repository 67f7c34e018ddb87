# Pester 5 tests of the collector on any OS: the Windows-only functions are mocked with recorded samples, and the
# posts go to a real Ingest at $env:WHFB_TEST_INGEST_URL with a collector key in $env:WHFB_TEST_COLLECTOR_KEY.

Describe 'Collector' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Send-WhfbDeviceReport.ps1')
        $samples = Join-Path $PSScriptRoot 'samples'
        $script:Events = Get-Content (Join-Path $samples 'events.json') -Raw | ConvertFrom-Json
        $script:Status = Get-Content (Join-Path $samples 'dsregcmd-status.txt') -Raw
        $script:Registry = Get-Content (Join-Path $samples 'registry.json') -Raw | ConvertFrom-Json -AsHashtable
        $script:SampleDevice = '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b'
    }

    BeforeEach {
        $IngestUrl = $env:WHFB_TEST_INGEST_URL
        $CollectorKey = $env:WHFB_TEST_COLLECTOR_KEY
        $StatePath = Join-Path $TestDrive 'bookmark.json'
        Remove-Item $StatePath -ErrorAction SilentlyContinue
        $BatchSize = 2
        $MaxAttempts = 4
        Mock Get-WhfbRegistrationEvents { $script:Events | Where-Object RecordId -gt $AfterRecordId }
        Mock Invoke-WhfbDsregcmd { $script:Status }
        Mock Get-WhfbDeviceName { 'PC-ADA-01' }
        Mock Get-WhfbUserSids { @() }
        Mock Read-WhfbRegistryKey { if ($Path -like '*Microsoft\Policies\PassportForWork') { $script:Registry.mdm } else { $script:Registry.gpo } }
        Mock Start-Sleep { }
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

    Describe 'Sending to Ingest' {
        It 'posts events in batches, dsregcmd and policy state, and saves the bookmark after 202' {
            Invoke-WhfbCollector | Should -Be 0
            Read-WhfbBookmark $StatePath | Should -Be 4103
            Should -Invoke Start-Sleep -Times 0
        }

        It 'reads only the events after its bookmark' {
            Save-WhfbBookmark $StatePath 4102
            Invoke-WhfbCollector | Should -Be 0
            Should -Invoke Get-WhfbRegistrationEvents -Times 1 -Exactly -ParameterFilter { $AfterRecordId -eq 4102 }
            Read-WhfbBookmark $StatePath | Should -Be 4103
        }

        It 'keeps the bookmark and does not retry when Ingest refuses the key' {
            $CollectorKey = 'whfbc_revoked-or-wrong'
            Save-WhfbBookmark $StatePath 4100
            Invoke-WhfbCollector | Should -Be 1
            Read-WhfbBookmark $StatePath | Should -Be 4100
            Should -Invoke Start-Sleep -Times 0
        }

        It 'retries with exponential backoff while Ingest is unreachable, then keeps the bookmark' {
            $IngestUrl = 'http://127.0.0.1:9'
            $InitialDelaySeconds = 2
            Save-WhfbBookmark $StatePath 4100
            Invoke-WhfbCollector | Should -Be 1
            Read-WhfbBookmark $StatePath | Should -Be 4100
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

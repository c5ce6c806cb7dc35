# Every scenario in the catalog keeps its promises on every engine: Test-RideScenario proves each one
# (incident live, solution scores full, each trap springs exactly its trap, a no-op fixes nothing).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $cases = foreach ($engine in Get-TestEngine) {
        foreach ($scenario in Get-RideScenario | Where-Object Id -NotLike 'stage-00/*') {
            @{ Engine = $engine; Id = $scenario.Id }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
}

Describe 'Scenario <Id> on <Engine>' -ForEach $cases {
    It 'keeps every promise' {
        $results = Test-RideScenario -Id $Id -Engine $Engine
        $results | Should -Not -BeNullOrEmpty
        $results.Expectation | Should -Contain 'incident-live'
        $results.Expectation | Should -Contain 'solution-scores-full'
        $results.Expectation | Should -Contain 'no-op-fixes-nothing'
        $failed = $results | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Expectation): $($_.Detail)" }
        $failed | Should -BeNullOrEmpty
        Get-RideSession | Should -BeNullOrEmpty -Because 'every test sandbox is removed'
    }
}

Describe 'New-RideScenario' {
    BeforeEach {
        $script:root = Join-Path ([IO.Path]::GetTempPath()) ('ride-new-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
    }

    AfterEach {
        Remove-Item -Recurse -Force $script:root -ErrorAction Ignore
    }

    It 'scaffolds a folder that validates and proves itself with Test-RideScenario' {
        $scenario = New-RideScenario -Id 'stage-98/01-revoked-privilege' -Path $script:root -Topic 'Security & Access' -Level L2
        $scenario.Id | Should -Be 'stage-98/01-revoked-privilege'
        $scenario.Title | Should -Be 'Revoked Privilege'
        $folder = Join-Path $script:root 'stage-98/01-revoked-privilege'
        'scenario.yml', 'setup.sql', 'incident.sql', 'solution.sql', 'postmortem.md', 'traps/app-made-superuser.sql' | ForEach-Object {
            Join-Path $folder $_ | Should -Exist
        }
        $results = Test-RideScenario -Path $folder -Engine Local
        ($results | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Expectation): $($_.Detail)" }) | Should -BeNullOrEmpty
        $results.Expectation | Should -Contain 'trap:app-made-superuser'
    }

    It 'rejects an id that is not stage-NN/MM-slug' {
        { New-RideScenario -Id 'my scenario' -Path $script:root } | Should -Throw -ErrorId 'InvalidScenarioId,Ride.Cmdlets.NewRideScenarioCommand'
        $script:root | Should -Not -Exist
    }

    It 'refuses to overwrite a folder unless -Force' {
        New-RideScenario -Id 'stage-98/02-twice' -Path $script:root | Out-Null
        { New-RideScenario -Id 'stage-98/02-twice' -Path $script:root } | Should -Throw -ErrorId 'ScenarioExists,Ride.Cmdlets.NewRideScenarioCommand'
        (New-RideScenario -Id 'stage-98/02-twice' -Path $script:root -Force).Id | Should -Be 'stage-98/02-twice'
    }

    It 'creates nothing with -WhatIf' {
        New-RideScenario -Id 'stage-98/03-what-if' -Path $script:root -WhatIf
        Join-Path $script:root 'stage-98/03-what-if' | Should -Not -Exist
    }
}

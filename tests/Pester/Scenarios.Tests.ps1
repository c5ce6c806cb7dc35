# Every scenario in the catalog keeps its promises on every engine. Test-RideScenario proves them in one session per
# scenario and engine: the incident is live when Start returns, a no-op fixes nothing and the solution scores 100 in
# that fresh sandbox, a Reset gives back the fresh incident (same schema, roles, settings and check results, live the
# moment it returns), and then, after a Reset each (five or more in a row, each live when it returns), every
# alternative correct fix scores 100, every partial fix scores what a careful grader gave it, and every trap file
# springs exactly its trap.
# On every change a drill gets that full proof on one engine, the engines taking turns through the catalog, which keeps
# the suite inside CI's budget as the catalog grows. RIDE_TEST_FULL=1 gives every drill the full proof on every engine.
# A production-sized drill (its setup.sql sets its size with `\set name N` lines) gets its full proof at a 25th of that
# size, where every graded file runs in seconds, and the quick proof (incident, no-op, solution, one Reset) at full size
# on the other engine, seeded once per run.
# The proofs run before the tests that read them, RIDE_TEST_PROOF_THROTTLE side by side (2 by default);
# RIDE_TEST_SCENARIOS (a wildcard) narrows the catalog.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $cases = @(Get-CatalogProofPlan)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $before = Get-RideSessionIds
    $script:proofs = Invoke-CatalogProof -Plan @(Get-CatalogProofPlan) -ThrottleLimit ([int]($env:RIDE_TEST_PROOF_THROTTLE ?? 2))
    $script:leftovers = @(Get-RideSession | Where-Object SessionId -notin $before)
}

Describe 'Scenario <Id>' -ForEach $cases {
    It 'keeps every promise (full proof on <FullOn>, quick proof on <QuickOn>)' {
        $results = @($script:proofs[$Id])
        foreach ($engine in @($Full) + @($Quick)) {
            $mine = @($results | Where-Object Engine -eq $engine)
            $mine.Expectation | Should -Contain 'incident-live' -Because "$engine ran"
            $mine.Expectation | Should -Contain 'solution-scores-full'
            $mine.Expectation | Should -Contain 'reset-restores-incident'
            $mine.Expectation | Should -Contain 'no-op-fixes-nothing'
            if ($engine -in $Quick) {
                $mine.Count | Should -Be 4 -Because 'a quick proof runs the four engine promises only'
                continue
            }
            @($mine | Where-Object Expectation -like 'trap:*').Count | Should -BeGreaterThan 0
            @($mine | Where-Object Expectation -like 'solution:*').Count | Should -BeGreaterOrEqual 3 -Because 'every drill proves three more correct fixes, in other styles'
            @($mine | Where-Object Expectation -like 'graded:*').Count | Should -BeGreaterOrEqual 2 -Because 'every drill proves two partial fixes score what a grader gave them'
        }
        $results | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Engine) $($_.Expectation): $($_.Detail)" } | Should -BeNullOrEmpty
    }
}

Describe 'The catalog proofs' {
    It 'remove every sandbox they start' {
        $script:leftovers.SessionId | Should -BeNullOrEmpty
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
        'scenario.yml', 'setup.sql', 'incident.sql', 'solution.sql', 'postmortem.md', 'traps/app-made-superuser.sql', 'solutions/psql-describe.sql', 'graded/grant-without-looking.sql' | ForEach-Object {
            Join-Path $folder $_ | Should -Exist
        }
        $results = Test-RideScenario -Path $folder -Engine Local
        ($results | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Expectation): $($_.Detail)" }) | Should -BeNullOrEmpty
        $results.Expectation | Should -Contain 'trap:app-made-superuser'
        $results.Expectation | Should -Contain 'solution:psql-describe'
        $results.Expectation | Should -Contain 'graded:grant-without-looking'
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

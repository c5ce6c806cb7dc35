# The seed incident end to end, on every engine this machine has: the same suite, parameterised.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $engines = Get-TestEngine
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:scenarioId = 'stage-09/05-backward-incompatible-migration'
    $script:folder = Get-ScenarioFolder $script:scenarioId

    function Get-CheckPoints($Score, [string] $Name) { ($Score.Checks | Where-Object Name -eq $Name).Points }
}

Describe 'stage-09/05 on <_>' -ForEach $engines {
    BeforeAll {
        $script:engine = $_
    }

    Context 'a fresh incident' {
        BeforeAll {
            $script:s = $null
            $script:s = Start-RideScenario $script:scenarioId -Engine $script:engine
        }

        AfterAll {
            if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false }
        }

        It 'has dropped legacy_status from app_db.orders' {
            $columns = Invoke-RideTestQuery -Session $script:s -Database app_db -Sql "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
            $columns | Should -Contain 'status'
            $columns | Should -Not -Contain 'legacy_status'
            (Invoke-RideTestQuery -Session $script:s -Database app_db -Sql 'SELECT count(*) FROM orders')[0] | Should -Be 40000
        }

        It 'has both application versions connected, two connections each' {
            $old = Get-RideActivity -Session $script:s -ApplicationName 'old_app*'
            $new = Get-RideActivity -Session $script:s -ApplicationName 'new_app*'
            $old | Should -HaveCount 2
            $new | Should -HaveCount 2
            $old.Database | Sort-Object -Unique | Should -Be 'app_db'
            $old[0] | Should -BeOfType ([Ride.Workload.RideActivity])
        }

        It 'hides Ride''s own connections and filters by database and state' {
            (Get-RideActivity -Session $script:s).UserName | Should -Not -Contain 'ride_system'
            Get-RideActivity -Session $script:s -Database 'analytics*' | Should -BeNullOrEmpty
            @(Get-RideActivity -Session $script:s -Database app_db).Count | Should -BeGreaterOrEqual 4
            Get-RideActivity -Session $script:s -State 'no such state' | Should -BeNullOrEmpty
        }

        It 'logs 42703 from the old app and successes from the new app' {
            $log = Get-RideLog -Session $script:s
            $oldErrors = $log | Where-Object { $_.Actor -eq 'old_app' -and $_.Level -eq 'ERROR' }
            $oldErrors | Should -Not -BeNullOrEmpty
            $oldErrors[0].SqlState | Should -Be '42703'
            $oldErrors[0].Message | Should -Match 'legacy_status'
            $log | Where-Object { $_.Actor -eq 'new_app' -and $_.Level -eq 'OK' } | Should -Not -BeNullOrEmpty
            $log | Where-Object { $_.Actor -eq 'new_app' -and $_.Level -eq 'ERROR' } | Should -BeNullOrEmpty
        }

        It 'shows the failing statements in the server log' {
            $failures = Wait-RideCondition -Because 'the server to log a failing statement' -Condition {
                Get-RideLog -Session $script:s -Source Server | Where-Object { $_.Level -eq 'ERROR' -and $_.Message -match 'legacy_status' }
            }
            $failures | Should -Not -BeNullOrEmpty
            $failures[0].ApplicationName | Should -Match '^old_app'
        }

        It 'gives hints one at a time and lists the seen ones with -All' {
            $first = Get-RideHint -Session $script:s
            $first.Number | Should -Be 1
            $first.Total | Should -Be 3
            (Get-RideHint -Session $script:s).Number | Should -Be 2
            (Get-RideHint -Session $script:s -All).Number | Should -Be @(1, 2)
            (Get-RideSession -Id $script:s.SessionId).HintsUsed | Should -Be 2
            (Get-RideScore -Session $script:s).HintsUsed | Should -Be 2
        }

        It 'keeps the postmortem locked before a submission unless -Force' {
            { Get-RidePostmortem -Session $script:s } | Should -Throw -ErrorId 'PostmortemLocked,Ride.Cmdlets.GetRidePostmortemCommand'
            (Get-RidePostmortem -Session $script:s -Force).Text | Should -Match 'legacy_status'
        }

        It 'scores the same state identically ten times' {
            $scores = 1..10 | ForEach-Object { Get-RideScore -Session $script:s }
            $shapes = $scores | ForEach-Object { ($_.Checks | ForEach-Object { "$($_.Name)=$($_.Points):$($_.Evidence)" }) -join '|' }
            $shapes | Sort-Object -Unique | Should -HaveCount 1
            $scores.Total | Sort-Object -Unique | Should -HaveCount 1
        }
    }

    Context 'submissions' {
        BeforeEach {
            $script:s = $null
            $script:s = Start-RideScenario $script:scenarioId -Engine $script:engine
        }

        AfterEach {
            if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false }
        }

        It 'scores solution.sql 100 and the old app recovers' {
            $submission = $script:s | Submit-RideFix -Path (Join-Path $script:folder 'solution.sql')
            $submission.Succeeded | Should -BeTrue
            $score = $submission | Get-RideScore
            $failing = ($score.Checks | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Name): $($_.Evidence)" }) -join '; '
            $failing | Should -BeNullOrEmpty
            $score.Total | Should -Be 100
            $score.Max | Should -Be 100
            $score.Passed | Should -BeTrue
            $score.Detect, $score.Fix, $score.Trap | Should -Be @(40, 40, 20)

            $after = $submission.SubmittedAt
            Wait-RideCondition -Because 'the old app to succeed again' -Condition {
                Get-RideLog -Session $script:s | Where-Object { $_.Actor -eq 'old_app' -and $_.Level -eq 'OK' -and $_.Time -gt $after }
            } | Should -Not -BeNullOrEmpty
            (Get-RidePostmortem -Session $script:s).Title | Should -Be 'Backward-incompatible migration'
        }

        It 'loses exactly the points of trap <_> and names it' -ForEach @('terminated-old-app', 'index-on-orders', 'destructive-change') {
            $trap = $_
            $score = $script:s | Submit-RideFix -Path (Join-Path $script:folder "traps/$trap.sql") | Get-RideScore
            $trapCheck = $score.Checks | Where-Object Name -eq $trap
            $trapCheck.Category | Should -Be 'Trap'
            $trapCheck.Passed | Should -BeFalse
            $trapCheck.Points | Should -Be 0
            $trapCheck.Evidence | Should -Not -BeNullOrEmpty
            $score.Trap | Should -Be ($score.TrapMax - $trapCheck.MaxPoints)
            $score.Checks | Where-Object { $_.Category -eq 'Trap' -and $_.Name -ne $trap -and -not $_.Passed } | Should -BeNullOrEmpty
            $score.Passed | Should -BeFalse
        }

        It 'scores a no-op submission Fix 0' {
            $score = Submit-RideFix -Session $script:s -Sql 'SELECT 1;' | Get-RideScore
            $score.Fix | Should -Be 0
            $score.FixMax | Should -Be 40
            $score.Passed | Should -BeFalse
        }

        It 'reports a syntax error with its line, and the session stays usable' {
            $bad = Join-Path $TestDrive 'bad.sql'
            Set-Content $bad "\connect app_db`nSELECT 1;`nALTER TABLE orders ADD COLUMN legacy_status text;`nUPDATE orders SET legacy_status = status WHER legacy_status IS NULL;"
            $submission = Submit-RideFix -Session $script:s -Path $bad -ErrorVariable fixErrors -ErrorAction SilentlyContinue
            $fixErrors | Should -HaveCount 1
            $fixErrors[0].FullyQualifiedErrorId | Should -Be 'FixFailed,Ride.Cmdlets.SubmitRideFixCommand'
            $fixErrors[0].Exception.Message | Should -Match 'line 4'
            $fixErrors[0].Exception.Message | Should -Match 'syntax error'
            $submission.Succeeded | Should -BeFalse
            $submission.ErrorLine | Should -Be 4

            # psql stopped at the error: the column from line 3 is there, the backfill is not.
            $good = Submit-RideFix -Session $script:s -Sql "\connect app_db`nUPDATE orders SET legacy_status = status WHERE legacy_status IS NULL;"
            $good.Succeeded | Should -BeTrue
            $good.Number | Should -Be 2
            $good.Score.Fix | Should -Be 40
        }

        It 'gives a clear error for a fix file that does not exist' {
            { Submit-RideFix -Session $script:s -Path (Join-Path $TestDrive 'nope.sql') } | Should -Throw -ErrorId 'FixFileNotFound,Ride.Cmdlets.SubmitRideFixCommand'
        }

        It 'stops a fix that would hang at its timeout' {
            $submission = Submit-RideFix -Session $script:s -Sql 'SELECT pg_sleep(30);' -TimeoutSec 1 -ErrorAction SilentlyContinue
            $submission.Succeeded | Should -BeFalse
            $submission.Error | Should -Match 'statement timeout'
            $submission.Duration.TotalSeconds | Should -BeLessThan 25
        }

        It 'brings the incident back with Reset after a correct fix' {
            $script:s | Submit-RideFix -Path (Join-Path $script:folder 'solution.sql') | Out-Null
            Get-RideHint -Session $script:s | Out-Null
            $reset = $script:s | Reset-RideScenario -Confirm:$false
            $reset.SessionId | Should -Be $script:s.SessionId
            $reset.HintsUsed | Should -Be 0
            $fresh = Get-RideScore -Session $script:s
            $fresh.Detect | Should -Be 0 -Because 'evidence from before the reset no longer counts'
            $fresh.Fix | Should -Be 0
            $columns = Invoke-RideTestQuery -Session $script:s -Database app_db -Sql "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
            $columns | Should -Not -Contain 'legacy_status'
            @(Get-RideActivity -Session $script:s -ApplicationName 'old_app*').Count | Should -Be 2
            $reset.IncidentAt | Should -BeGreaterThan $script:s.IncidentAt
            $sinceIncident = Wait-RideCondition -Because 'the old app to fail again after the reset' -Condition {
                $entries = Get-RideLog -Session $script:s | Where-Object { $_.Actor -eq 'old_app' -and $_.Time -ge $reset.IncidentAt }
                if ($entries | Where-Object Level -eq 'ERROR') { $entries }
            }
            $sinceIncident | Where-Object Level -eq 'OK' | Should -BeNullOrEmpty
        }
    }

    Context 'two sessions side by side' {
        It 'do not touch each other' {
            $a = Start-RideScenario $script:scenarioId -Engine $script:engine
            $b = Start-RideScenario $script:scenarioId -Engine $script:engine
            try {
                $a.Port | Should -Not -Be $b.Port
                $a | Submit-RideFix -Path (Join-Path $script:folder 'solution.sql') | Out-Null
                (Get-RideScore -Session $a).Fix | Should -Be 40
                (Get-RideScore -Session $b).Fix | Should -Be 0
                $columnsB = Invoke-RideTestQuery -Session $b -Database app_db -Sql "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
                $columnsB | Should -Not -Contain 'legacy_status'
                (Get-RideSession -Id $b.SessionId).Submissions | Should -Be 0
            } finally {
                $a, $b | Stop-RideScenario -Confirm:$false
            }
        }
    }
}

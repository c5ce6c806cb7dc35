# Scoring like a careful grader, against real servers: the operator's statements are read back in order and
# where they ran, a look in the wrong place or after the change earns nothing, the catalog-wide traps name the
# statement and the object, outcomes (not plan shapes) decide Fix, and every server log line says who logged it.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $engines = Get-TestEngine
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    # The drill's checks at a tenth of a second per setup instead of its production-sized five million orders.
    $script:scenario = Copy-ScaledScenario 'stage-01/01-missing-index' @{ orders = 200000; customers = 10000 }

    function Get-Check($Submission, [string] $Name) { $Submission.Score.Checks | Where-Object Name -eq $Name }
}

Describe 'Grading on the Local engine' {
    BeforeAll {
        $script:s = Start-RideScenario -Path $script:scenario -Engine Local
    }

    AfterAll {
        if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false }
    }

    BeforeEach {
        $script:s | Reset-RideScenario -Confirm:$false | Out-Null
    }

    It 'reads the operator''s statements back in order, with the database each ran in' {
        $submission = $script:s | Submit-RideFix -Sql @'
SELECT query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 3;
\connect app_db
EXPLAIN SELECT id FROM orders WHERE user_id = 7 AND status = 'pending' ORDER BY created_at DESC LIMIT 20;
CREATE INDEX CONCURRENTLY orders_user_status_created_idx ON orders (user_id, status, created_at);
'@
        (Get-Check $submission 'top-statements-inspected').Evidence | Should -Match '^#1 in incident: SELECT query FROM pg_stat_statements'
        (Get-Check $submission 'plan-inspected').Evidence | Should -Match '^#2 in app_db: EXPLAIN SELECT id FROM orders'
        (Get-Check $submission 'plan-inspected').Evidence | Should -Match 'before #3: CREATE INDEX CONCURRENTLY'
    }

    It 'gives nothing for a look in a database where the fault cannot be seen, and says so' {
        $submission = $script:s | Submit-RideFix -Sql @'
EXPLAIN SELECT 1 AS orders;
SELECT indexname FROM pg_indexes WHERE tablename = 'orders';
'@
        $plan = Get-Check $submission 'plan-inspected'
        $plan.Passed | Should -BeFalse
        $plan.Evidence | Should -Match '#1 ran in incident, where this cannot be seen'
        (Get-Check $submission 'indexes-listed').Passed | Should -BeFalse
    }

    It 'gives nothing for a look made only after the change' {
        $submission = $script:s | Submit-RideFix -Database app_db -Sql @'
CREATE INDEX CONCURRENTLY orders_user_status_created_idx ON orders (user_id, status, created_at);
EXPLAIN SELECT id FROM orders WHERE user_id = 7 AND status = 'pending' ORDER BY created_at DESC LIMIT 20;
'@
        $plan = Get-Check $submission 'plan-inspected'
        $plan.Passed | Should -BeFalse
        $plan.Evidence | Should -Match '#2 came after the change'
        $submission.Score.Fix | Should -Be 40 -Because 'the outcome is what Fix judges'
    }

    It 'gives full Fix to a different index that serves the statement as well' {
        $submission = $script:s | Submit-RideFix -Database app_db -Sql 'CREATE INDEX CONCURRENTLY orders_by_user ON orders (user_id);'
        $submission.Score.Fix | Should -Be 40
        (Get-Check $submission 'dashboard-fast').Evidence | Should -Match 'planner cost [\d.]+ at the incident, [\d.]+ now'
    }

    It 'springs a catalog trap on a dangerous move the drill is not about, naming the statement and the table' {
        $submission = $script:s | Submit-RideFix -Database app_db -Sql 'VACUUM FULL orders;'
        $trap = Get-Check $submission 'hot-table-locked'
        $trap.Passed | Should -BeFalse
        $trap.Points | Should -Be -5
        $trap.Evidence | Should -Match 'app_db\.orders was rewritten by #1 "VACUUM FULL orders;"'
        $submission.Score.Trap | Should -Be 15
    }

    It 'never takes the Trap axis below zero' {
        $submission = $script:s | Submit-RideFix -Database app_db -Sql @'
CREATE INDEX orders_created_idx ON orders (created_at);
VACUUM FULL orders;
ALTER SYSTEM SET work_mem = '512MB';
ALTER ROLE app_user SUPERUSER;
'@
        @($submission.Score.Checks | Where-Object { $_.Category -eq 'Trap' -and -not $_.Passed }).Count | Should -BeGreaterOrEqual 5
        $submission.Score.Trap | Should -Be 0
    }
}

Describe 'The server log on <_>' -ForEach $engines {
    BeforeAll {
        $script:s = Start-RideScenario -Path $script:scenario -Engine $_
        $script:s | Submit-RideFix -Sql 'SELECT 1 AS marker_statement;' | Out-Null
        $script:log = @(Get-RideLog -Session $script:s -Source Server)
    }

    AfterAll {
        if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false }
    }

    It 'says who logged every line' {
        $script:log.Count | Should -BeGreaterThan 0
        $script:log | Where-Object { -not $_.UserName -or $null -eq $_.ApplicationName -or $_.UserName -eq '[unknown]' -or $_.ApplicationName -eq '[unknown]' } |
            ForEach-Object { "$($_.Pid) $($_.UserName)/$($_.ApplicationName): $($_.Message)" } | Should -BeNullOrEmpty
        $script:log | Where-Object UserName -eq '(server)' | Should -Not -BeNullOrEmpty -Because 'the server''s own processes log too'
    }

    It 'carries the operator''s statements with their user, database and application' {
        $line = $script:log | Where-Object Message -like '*marker_statement*' | Select-Object -First 1
        $line.UserName | Should -Be 'dba'
        $line.Database | Should -Be 'incident'
        $line.ApplicationName | Should -Be 'psql'
        $line.BackendType | Should -Be 'client backend'
    }
}

Describe 'A fix stopped by a lock wait' {
    BeforeAll {
        $script:s = Start-RideScenario 'stage-02/01-blocking-transaction' -Engine Local
    }

    AfterAll {
        if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false }
    }

    It 'is reported as a lock timeout, not a statement timeout' {
        $submission = $script:s | Submit-RideFix -Database app_db -TimeoutSec 2 -Sql 'UPDATE products SET price_cents = price_cents WHERE id = 1;' -ErrorAction SilentlyContinue -ErrorVariable stopped
        $stopped | Should -HaveCount 1
        "$stopped" | Should -Match 'lock timeout'
        $submission.Succeeded | Should -BeFalse
        $submission.ErrorMessage | Should -Match 'lock timeout'
        $submission.ErrorMessage | Should -Not -Match 'statement timeout'
        $submission.Score | Should -Not -BeNullOrEmpty
    }
}

# A connection storm takes every slot the applications may use; a lookup is still judged by its planner cost, measured
# in Ride's reserved slots as the actor's role with the role's settings.
Describe 'A planner cost while the applications'' slots are all taken, on <_>' -ForEach $engines {
    It 'is measured at the incident and judged after the fix' {
        $s = Start-RideScenario stage-00/07 -Engine $_ 6>$null
        try {
            $before = (Get-RideScore -Session $s).Checks | Where-Object Name -eq 'lookup-indexed'
            $before.Passed | Should -BeFalse
            $before.Evidence | Should -Match '^lookup: planner cost [\d.]+ at the incident'
            $after = ($s | Submit-RideFix -Path (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/07-full-slots/solution.sql')).Score.Checks |
                Where-Object Name -eq 'lookup-indexed'
            $after.Passed | Should -BeTrue -Because $after.Evidence
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

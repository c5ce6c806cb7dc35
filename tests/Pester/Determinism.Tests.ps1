# The same fix scores the same in fresh sessions: the solution and every trap, each in five new sandboxes, give the same
# points and verdicts for every check. Scoring waits for facts (terminated backends gone, every application connection
# having acted again), never for time, so a loaded machine changes nothing (two sessions run side by side here, on
# purpose). CI proves it for the drills whose scoring depends most on settling (terminated blockers and victims, locks,
# dropped and restored columns); RIDE_TEST_FULL=1 proves it for the whole catalog, ten sessions over.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $representative = 'stage-02/01-blocking-transaction', 'stage-09/05-backward-incompatible-migration'
    $scenarios = Get-RideScenario | Where-Object Id -NotLike 'stage-00/*' | Where-Object { $env:RIDE_TEST_FULL -or $_.Id -in $representative }
    $cases = foreach ($scenario in $scenarios) {
        $files = @(Join-Path $scenario.Path 'solution.sql') + @(Get-ChildItem (Join-Path $scenario.Path 'traps') -Filter *.sql -ErrorAction Ignore | Sort-Object Name | ForEach-Object FullName)
        @{ Id = $scenario.Id; Files = $files }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:runs = if ($env:RIDE_TEST_FULL) { 10 } else { 5 }
}

Describe 'Scores of <Id> in fresh sessions' -ForEach $cases {
    It 'are identical for the solution and every trap, in every fresh session' {
        $module = $env:RIDE_MODULE_PATH
        $id = $Id
        $files = $Files
        $scores = 1..$script:runs | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            foreach ($file in $using:files) {
                $s = Start-RideScenario $using:id -Engine Local 6>$null
                try {
                    $score = ($s | Submit-RideFix -Path $file -ErrorAction SilentlyContinue).Score
                    [pscustomobject]@{ File = $file; Shape = ($score.Checks | ForEach-Object { '{0}/{1}={2}:{3}' -f $_.Category, $_.Name, $_.Points, $_.Passed }) -join ' ' }
                } finally {
                    $s | Stop-RideScenario -Confirm:$false
                }
            }
        }

        $scores | Should -HaveCount ($script:runs * $Files.Count)
        foreach ($file in $Files) {
            $distinct = @($scores | Where-Object File -eq $file | ForEach-Object Shape | Sort-Object -Unique)
            $distinct | Should -HaveCount 1 -Because "$(Split-Path $file -Leaf) must score the same in every fresh session: $($distinct -join ' | ')"
        }
    }
}

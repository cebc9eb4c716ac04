@echo off
rem Kiln launcher for Windows: runs lib\kiln.jar of this distribution with %JAVA_HOME%\bin\java.exe
rem when JAVA_HOME is set, else with the java on PATH. Needs Java 17 or later.
rem
rem   KILN_OPTS, JAVA_OPTS   extra JVM options, e.g. set KILN_OPTS=-Xmx2g
rem
rem The JVM's quick compiler, the parallel collector, a small young generation and a heap that starts
rem large enough make every command faster and leaner, the preview too (README, Performance).
rem No parenthesised blocks: a JAVA_HOME such as C:\Program Files (x86)\... would end them early.
setlocal
set "KILN_JAR=%~dp0..\lib\kiln.jar"
if exist "%KILN_JAR%" goto findjava
echo kiln: %KILN_JAR% is missing; unzip the whole distribution again 1>&2
exit /b 1

:findjava
if not defined JAVA_HOME goto javaonpath
set "KILN_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%KILN_JAVA%" goto run
echo kiln: JAVA_HOME is set to "%JAVA_HOME%", but %KILN_JAVA% is not there; point JAVA_HOME at a JDK 17 or later, or clear it to use the java on PATH 1>&2
exit /b 1

:javaonpath
set "KILN_JAVA=java"
where java >nul 2>nul
if not errorlevel 1 goto run
echo kiln: no java found: Kiln needs Java 17 or later; install a JDK (https://adoptium.net) and put its bin folder on PATH, or set JAVA_HOME 1>&2
exit /b 1

:run
set "KILN_QUICK=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn100m -XX:InitialRAMPercentage=3"
"%KILN_JAVA%" %KILN_QUICK% %JAVA_OPTS% %KILN_OPTS% -jar "%KILN_JAR%" %*
exit /b %ERRORLEVEL%

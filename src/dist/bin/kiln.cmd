@echo off
rem Kiln launcher for Windows: runs lib\kiln.jar of this distribution with %JAVA_HOME%\bin\java.exe
rem when JAVA_HOME is set, else with the java on PATH. Needs Java 17 or later.
rem
rem   KILN_OPTS, JAVA_OPTS   extra JVM options, e.g. set KILN_OPTS=-Xmx2g
rem   KILN_STARTUP_CACHE     folder of the start-up cache (default %LOCALAPPDATA%\kiln\startup), or off
rem
rem The JVM's quick compiler, the parallel collector, a small young generation and a heap that starts
rem large enough make every command faster and leaner, the preview too (README, Performance).
rem The start-up cache, as in bin/kiln: before the first build, check or serve with a given jar and
rem JDK, a training build records the classes Kiln loads (JDK 17-24: a class data sharing archive;
rem 25 and later: an AOT cache) for every later command. An archive is named after the JDK's build,
rem the jar's size and time, and its own size; one whose size does not match is never used (JDK 17
rem crashes on a truncated one) and is made again, in a temporary folder, checked, then renamed.
rem Without a release file beside the JDK's bin folder (a java.exe stub on PATH), there is no cache.
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
set "KILN_JAVA="
for %%J in (java.exe) do set "KILN_JAVA=%%~$PATH:J"
if defined KILN_JAVA goto run
echo kiln: no java found: Kiln needs Java 17 or later; install a JDK (https://adoptium.net) and put its bin folder on PATH, or set JAVA_HOME 1>&2
exit /b 1

:run
set "KILN_QUICK=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn100m -XX:InitialRAMPercentage=3"
for %%J in ("%KILN_JAVA%") do set "KILN_RELEASE=%%~dpJ..\release"
for %%H in ("%~dp0..") do set "KILN_HOME=%%~fH"
set "KILN_VERSION="
set "KILN_RUNTIME="
set "KILN_MAJOR="
set "KILN_CACHE="
if /i "%KILN_STARTUP_CACHE%"=="off" goto plain
if defined KILN_STARTUP_CACHE set "KILN_CACHE=%KILN_STARTUP_CACHE%"
if not defined KILN_CACHE if defined LOCALAPPDATA set "KILN_CACHE=%LOCALAPPDATA%\kiln\startup"
if not defined KILN_CACHE goto plain
rem Class sharing options of the user's own: no cache of ours.
echo.%JAVA_OPTS% %KILN_OPTS% %JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS%| findstr /i /c:"-Xshare" /c:"SharedArchiveFile" /c:"ArchiveClassesAtExit" /c:"AOTCache" /c:"AOTMode" /c:"AOTConfiguration" >nul 2>nul
if not errorlevel 1 goto plain
if not exist "%KILN_RELEASE%" goto plain
for /f "usebackq tokens=1,* delims==" %%A in ("%KILN_RELEASE%") do if "%%A"=="JAVA_VERSION" set "KILN_VERSION=%%~B"
for /f "usebackq tokens=1,* delims==" %%A in ("%KILN_RELEASE%") do if "%%A"=="JAVA_RUNTIME_VERSION" set "KILN_RUNTIME=%%~B"
if not defined KILN_VERSION goto plain
for /f "tokens=1 delims=.-+" %%V in ("%KILN_VERSION%") do set "KILN_MAJOR=%%V"
if not defined KILN_MAJOR goto plain
set /a KILN_MAJOR=KILN_MAJOR 2>nul || goto plain
if %KILN_MAJOR% LSS 17 goto plain
set "KILN_KIND=jsa"
if %KILN_MAJOR% GEQ 25 set "KILN_KIND=aot"
rem One folder per installation (the JVM ties an archive to the jar's path); the archive's name is the
rem JDK's build and the jar's size and time, with characters that cannot be in a file name left out.
set "KILN_GROUP=%KILN_HOME::=%"
set "KILN_GROUP=%KILN_GROUP:\=_%"
set "KILN_DIR=%KILN_CACHE%\%KILN_GROUP%"
for %%F in ("%KILN_JAR%") do set "KILN_NAME=%KILN_RUNTIME%-%%~zF-%%~tF"
set "KILN_NAME=%KILN_NAME:/=%"
set "KILN_NAME=%KILN_NAME::=%"
set "KILN_NAME=%KILN_NAME: =%"
set "KILN_NAME=%KILN_NAME:\=%"
set "KILN_ARCHIVE="
if exist "%KILN_DIR%\%KILN_NAME%-*.%KILN_KIND%" for %%C in ("%KILN_DIR%\%KILN_NAME%-*.%KILN_KIND%") do if /i "%%~nxC"=="%KILN_NAME%-%%~zC.%KILN_KIND%" set "KILN_ARCHIVE=%%~fC"
if defined KILN_ARCHIVE goto cached
rem Damaged ones (their size is not their name's) go; a build, check or serve makes a new one.
if exist "%KILN_DIR%\%KILN_NAME%-*.%KILN_KIND%" del /f /q "%KILN_DIR%\%KILN_NAME%-*.%KILN_KIND%" >nul 2>nul
if exist "%KILN_DIR%\%KILN_NAME%.failed" goto plain
if /i "%~1"=="build" goto maytrain
if /i "%~1"=="check" goto maytrain
if /i "%~1"=="serve" goto maytrain
goto plain
:maytrain
for %%A in (%*) do if "%%~A"=="--help" goto plain
for %%A in (%*) do if "%%~A"=="-h" goto plain
if not exist "%KILN_DIR%" mkdir "%KILN_DIR%" >nul 2>nul
if not exist "%KILN_DIR%" goto plain
goto train

:plain
"%KILN_JAVA%" %KILN_QUICK% %JAVA_OPTS% %KILN_OPTS% -jar "%KILN_JAR%" %*
exit /b %ERRORLEVEL%

:cached
if "%KILN_KIND%"=="aot" goto cachedaot
"%KILN_JAVA%" %KILN_QUICK% -Xshare:auto "-XX:SharedArchiveFile=%KILN_ARCHIVE%" "-Xlog:cds*=off" %JAVA_OPTS% %KILN_OPTS% -jar "%KILN_JAR%" %*
exit /b %ERRORLEVEL%
:cachedaot
"%KILN_JAVA%" %KILN_QUICK% "-XX:AOTCache=%KILN_ARCHIVE%" "-Xlog:aot*=off" "-Xlog:cds*=off" %JAVA_OPTS% %KILN_OPTS% -jar "%KILN_JAR%" %*
exit /b %ERRORLEVEL%

rem The training, as in bin/kiln: Kiln makes a sample site in a temporary folder and builds it while the
rem JVM records its classes, with the launcher's options only; the user's command runs after it, as usual.
:train
set "KILN_WORK=%KILN_DIR%\%KILN_NAME%.%RANDOM%%RANDOM%.tmp"
mkdir "%KILN_WORK%" >nul 2>nul
if not exist "%KILN_WORK%" goto plain
"%KILN_JAVA%" %KILN_QUICK% -jar "%KILN_JAR%" new site "%KILN_WORK%\site" <nul >nul 2>nul
if errorlevel 1 goto untrained
if "%KILN_KIND%"=="aot" goto trainaot
"%KILN_JAVA%" %KILN_QUICK% -Xshare:auto "-XX:ArchiveClassesAtExit=%KILN_WORK%\archive" "-Xlog:cds*=off" -jar "%KILN_JAR%" build --source "%KILN_WORK%\site" --quiet <nul >nul 2>nul
if errorlevel 1 goto untrained
rem Checked before use: a JDK that wrote half of it (a full disk) must not crash every later command.
"%KILN_JAVA%" %KILN_QUICK% -Xshare:on "-XX:SharedArchiveFile=%KILN_WORK%\archive" "-Xlog:cds*=off" "-XX:ErrorFile=%KILN_WORK%\hs_err.log" -XX:-CreateCoredumpOnCrash -cp "%KILN_JAR%" -version <nul >nul 2>nul
if errorlevel 1 goto untrained
goto trained
:trainaot
"%KILN_JAVA%" %KILN_QUICK% -XX:AOTMode=record "-XX:AOTConfiguration=%KILN_WORK%\config" "-Xlog:aot*=off" "-Xlog:cds*=off" -jar "%KILN_JAR%" build --source "%KILN_WORK%\site" --quiet <nul >nul 2>nul
if errorlevel 1 goto untrained
"%KILN_JAVA%" %KILN_QUICK% -XX:AOTMode=create "-XX:AOTConfiguration=%KILN_WORK%\config" "-XX:AOTCache=%KILN_WORK%\archive" "-Xlog:aot*=off" "-Xlog:cds*=off" "-XX:ErrorFile=%KILN_WORK%\hs_err.log" -jar "%KILN_JAR%" <nul >nul 2>nul
if errorlevel 1 goto untrained
"%KILN_JAVA%" %KILN_QUICK% -XX:AOTMode=on "-XX:AOTCache=%KILN_WORK%\archive" "-Xlog:aot*=off" "-Xlog:cds*=off" "-XX:ErrorFile=%KILN_WORK%\hs_err.log" -XX:-CreateCoredumpOnCrash -cp "%KILN_JAR%" -version <nul >nul 2>nul
if errorlevel 1 goto untrained
:trained
if not exist "%KILN_WORK%\archive" goto untrained
for %%T in ("%KILN_WORK%\archive") do set "KILN_ARCHIVE=%KILN_DIR%\%KILN_NAME%-%%~zT.%KILN_KIND%"
move /y "%KILN_WORK%\archive" "%KILN_ARCHIVE%" >nul 2>nul
if errorlevel 1 goto untrained
rem The installation's archives for another jar or JDK go.
for %%O in ("%KILN_DIR%\*.jsa" "%KILN_DIR%\*.aot" "%KILN_DIR%\*.failed") do if /i not "%%~fO"=="%KILN_ARCHIVE%" del /f /q "%%~fO" >nul 2>nul
rmdir /s /q "%KILN_WORK%" >nul 2>nul
goto cached
rem A training that fails is tried again only for another jar or JDK.
:untrained
rmdir /s /q "%KILN_WORK%" >nul 2>nul
type nul >"%KILN_DIR%\%KILN_NAME%.failed" 2>nul
goto plain

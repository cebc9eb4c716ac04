// build.gradle for a small Java application
plugins {
    id 'java'
    id 'application'
    id 'com.github.johnrengelman.shadow' version '8.1.1'
}

group = 'dev.example'
version = '1.0.0'

repositories {
    mavenCentral()
}

dependencies {
    implementation 'org.yaml:snakeyaml:2.7'
    implementation "com.vladsch.flexmark:flexmark:${flexmarkVersion}"
    testImplementation platform('org.junit:junit-bom:5.11.4')
    testImplementation 'org.junit.jupiter:junit-jupiter'
}

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

application {
    mainClass = 'dev.example.Main'
}

tasks.named('test') {
    useJUnitPlatform()
    maxParallelForks = Runtime.runtime.availableProcessors().intdiv(2) ?: 1
}

def generatedDir = layout.buildDirectory.dir('generated/version')

tasks.register('writeVersion') {
    def out = generatedDir.get().file('version.properties').asFile
    outputs.file(out)
    doLast {
        out.parentFile.mkdirs()
        out.text = "version=${project.version}\n"
        println "wrote $out (${out.length()} bytes)"
    }
}

class Greeting {
    String name
    int times = 3

    String render() {
        def parts = (1..times).collect { "Hello, $name #$it" }
        return parts.join('\n')
    }
}

assert new Greeting(name: 'Kiln').render().count('Hello') == 3

// Settings shared by client-core and plugin (see settings.gradle.kts).
subprojects {
    group = "dev.openkb"
    version = "0.1.0"

    plugins.withType<JavaPlugin> {
        extensions.configure<JavaPluginExtension> {
            // Current IntelliJ runs on Java 21 and ships Java 21 class files; our sources stay Java 17.
            toolchain.languageVersion.set(JavaLanguageVersion.of(21))
        }
        tasks.withType<JavaCompile>().configureEach {
            options.release.set(17)
            options.encoding = "UTF-8"
        }
    }
}

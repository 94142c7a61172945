package io.artifactpipeline.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://app:s3cret@db.internal:5432/artifacts | jdbc:postgresql://db.internal:5432/artifacts",
            "jdbc:postgresql://app:p@ss@db:5432/artifacts?ssl=true | jdbc:postgresql://db:5432/artifacts?ssl=true",
            "jdbc:postgresql://app@db/artifacts | jdbc:postgresql://db/artifacts",
            "jdbc:postgresql://db:5432/artifacts?user=app&password=s3cret | jdbc:postgresql://db:5432/artifacts",
            "jdbc:postgresql://db/artifacts?ssl=true&password=s3cret&sslmode=require | jdbc:postgresql://db/artifacts?ssl=true&sslmode=require",
            "jdbc:postgresql://db/artifacts?PASSWORD=s3cret&ApplicationName=ap | jdbc:postgresql://db/artifacts?ApplicationName=ap",
            "jdbc:postgresql://db/artifacts?sslpassword=k3y&sslkey=/keys/client.pk8 | jdbc:postgresql://db/artifacts",
            "jdbc:mysql://db:3306/artifacts?user=app&pwd=s3cret&useSSL=true | jdbc:mysql://db:3306/artifacts?useSSL=true",
            "jdbc:h2:file:/data/artifacts;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL | jdbc:h2:file:/data/artifacts;MODE=PostgreSQL",
            "jdbc:sqlserver://db:1433;databaseName=artifacts;user=app;password=s3cret | jdbc:sqlserver://db:1433;databaseName=artifacts",
            "jdbc:oracle:thin:scott/s3cret@//db:1521/artifacts | jdbc:oracle:thin:@//db:1521/artifacts",
            "jdbc:postgresql://db:5432/artifacts | jdbc:postgresql://db:5432/artifacts",
            "jdbc:h2:file:./data/artifacts | jdbc:h2:file:./data/artifacts",
    })
    void credentialsAreTakenOutAndEverythingElseStays(String url, String safe) {
        String stripped = DatabaseUrl.withoutCredentials(url);
        assertThat(stripped).isEqualTo(safe).doesNotContain("s3cret").doesNotContain("k3y");
    }
}

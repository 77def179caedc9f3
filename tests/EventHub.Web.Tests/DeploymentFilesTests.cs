using EventHub.TestSupport;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace EventHub.Web.Tests;

/// <summary>
/// No Docker engine or cluster runs here, so the deployment files are checked by reading them: they parse, they describe
/// two nodes behind sticky sessions with probes on /health, and every setting they pass is a real configuration key.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Root = RepositoryPaths.Root;

    [Fact]
    public void The_compose_file_has_sql_server_a_migration_two_nodes_a_sticky_proxy_and_a_relay()
    {
        var compose = Load("deploy/docker-compose.yml").Single();
        var services = (YamlMappingNode)compose["services"];
        foreach (var name in new[] { "sqlserver", "migrate", "app1", "app2", "proxy", "smtp" })
        {
            Assert.True(services.Children.ContainsKey(name), $"docker-compose.yml has no service '{name}'");
        }

        // Both nodes and the migration merge the shared x-app block (YAML merge key: the parser keeps "<<" as a key).
        var app = (YamlMappingNode)compose["x-app"];
        foreach (var name in new[] { "app1", "app2", "migrate" })
        {
            Assert.Same(app, ((YamlMappingNode)services[name])["<<"]);
        }

        var environment = (YamlMappingNode)app["environment"];
        Assert.Equal("SqlServer", environment["Database__Provider"].ToString());
        AssertRealConfigurationKeys("docker-compose.yml", environment.Children.Keys.Select(k => k.ToString()));

        var haproxy = File.ReadAllText(Path.Combine(Root, "deploy/compose/haproxy.cfg"));
        Assert.Matches(@"cookie \S+ insert", haproxy);
        Assert.Contains("server app1 app1:8080 check cookie app1", haproxy);
        Assert.Contains("server app2 app2:8080 check cookie app2", haproxy);
        Assert.Contains("option httpchk GET /health", haproxy);
    }

    [Fact]
    public void The_kubernetes_manifests_parse_and_run_two_replicas_with_health_probes_behind_cookie_affinity()
    {
        var kustomization = Load("deploy/k8s/kustomization.yaml").Single();
        var documents = new List<YamlMappingNode>();
        foreach (var resource in ((YamlSequenceNode)kustomization["resources"]).Select(r => r.ToString()))
        {
            Assert.True(File.Exists(Path.Combine(Root, "deploy/k8s", resource)), $"kustomization.yaml lists {resource}, which does not exist");
            documents.AddRange(Load("deploy/k8s/" + resource));
        }

        foreach (var document in documents)
        {
            Assert.True(document.Children.ContainsKey("apiVersion") && document.Children.ContainsKey("kind") && document.Children.ContainsKey("metadata"), "every manifest has apiVersion, kind and metadata");
        }

        var deployment = documents.Single(d => d["kind"].ToString() == "Deployment");
        Assert.True(int.Parse(deployment["spec"]["replicas"].ToString()) >= 2);
        var container = (YamlMappingNode)((YamlSequenceNode)deployment["spec"]["template"]["spec"]["containers"]).Single();
        Assert.Equal("/health", container["readinessProbe"]["httpGet"]["path"].ToString());
        Assert.Equal("/health", container["livenessProbe"]["httpGet"]["path"].ToString());
        var envFrom = ((YamlSequenceNode)container["envFrom"]).Cast<YamlMappingNode>().ToList();
        Assert.Contains(envFrom, e => e.Children.ContainsKey("secretRef"));

        var ingress = documents.Single(d => d["kind"].ToString() == "Ingress");
        Assert.Equal("cookie", ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"].ToString());

        var configMap = documents.Single(d => d["kind"].ToString() == "ConfigMap");
        AssertRealConfigurationKeys("configmap.yaml", ((YamlMappingNode)configMap["data"]).Children.Keys.Select(k => k.ToString()));
        var secret = Load("deploy/k8s/secret.example.yaml").Single();
        AssertRealConfigurationKeys("secret.example.yaml", ((YamlMappingNode)secret["stringData"]).Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void Deployed_nodes_believe_forwarded_headers_only_from_their_proxy_answer_only_the_public_host_and_take_traffic_only_from_the_ingress()
    {
        var composeEnvironment = (YamlMappingNode)Load("deploy/docker-compose.yml").Single()["x-app"]["environment"];
        var configMap = Load("deploy/k8s/configmap.yaml").Single();
        var k8sEnvironment = (YamlMappingNode)configMap["data"];
        foreach (var (file, environment) in new[] { ("docker-compose.yml", composeEnvironment), ("configmap.yaml", k8sEnvironment) })
        {
            var keys = environment.Children.Keys.Select(k => k.ToString()).ToList();
            Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", keys); // trusts every sender
            Assert.Equal("true", environment["ForwardedHeaders__Enabled"].ToString());
            Assert.True(keys.Any(k => k.StartsWith("ForwardedHeaders__KnownProxies__", StringComparison.Ordinal) || k.StartsWith("ForwardedHeaders__KnownNetworks__", StringComparison.Ordinal)),
                $"{file} names the proxy whose forwarded headers the nodes believe");
            Assert.NotEqual("*", environment["AllowedHosts"].ToString());
        }

        Assert.Equal("eventhub.example.org", k8sEnvironment["AllowedHosts"].ToString());
        Assert.Equal("https://eventhub.example.org", k8sEnvironment["App__PublicBaseUrl"].ToString());
        var proxy = (YamlMappingNode)Load("deploy/docker-compose.yml").Single()["services"]["proxy"];
        Assert.Equal(composeEnvironment["ForwardedHeaders__KnownProxies__0"].ToString(), proxy["networks"]["default"]["ipv4_address"].ToString());

        // The probes send the public host (AllowedHosts would refuse the pod's address).
        var container = (YamlMappingNode)((YamlSequenceNode)Load("deploy/k8s/deployment.yaml").Single()["spec"]["template"]["spec"]["containers"]).Single();
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            var header = ((YamlSequenceNode)container[probe]["httpGet"]["httpHeaders"]).Cast<YamlMappingNode>().Single();
            Assert.Equal(("Host", "eventhub.example.org"), (header["name"].ToString(), header["value"].ToString()));
        }

        var kustomization = Load("deploy/k8s/kustomization.yaml").Single();
        Assert.Contains("networkpolicy.yaml", ((YamlSequenceNode)kustomization["resources"]).Select(r => r.ToString()));
        var policy = Load("deploy/k8s/networkpolicy.yaml").Single();
        Assert.Equal("NetworkPolicy", policy["kind"].ToString());
        Assert.Equal("eventhub", policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"].ToString());
        Assert.Equal(["Ingress"], ((YamlSequenceNode)policy["spec"]["policyTypes"]).Select(t => t.ToString()));
        var from = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)policy["spec"]["ingress"]).Single())["from"]).Cast<YamlMappingNode>().Single();
        Assert.Equal("ingress-nginx", from["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"].ToString());
    }

    /// <summary>Each Section__Key must name a key of appsettings.sample.json, where every key is documented.</summary>
    private static void AssertRealConfigurationKeys(string file, IEnumerable<string> variables)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.sample.json")));
        foreach (var variable in variables.Where(v => v.Contains("__")))
        {
            var element = sample.RootElement;
            foreach (var part in variable.Split("__"))
            {
                // An array item (KnownProxies__0) is a key when the sample's value is an array.
                if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out _))
                {
                    break;
                }

                var found = element.ValueKind == JsonValueKind.Object && element.EnumerateObject().Any(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
                Assert.True(found, $"{file} sets {variable}, which is not a configuration key in appsettings.sample.json");
                element = element.EnumerateObject().First(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)).Value;
            }
        }
    }

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, path));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

}

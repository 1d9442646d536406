package azure

var InstanceTypes = map[string]*InstanceType{
	"Standard_B1ls": {
		InstanceType: "Standard_B1ls",
		SkuFamily:    "standardBSFamily",
		VCPU:         1,
		MemoryMb:     0,
		GPU:          0,
		Architecture: "amd64",
	},
	"Standard_NC4as_T4_v3": {
		InstanceType: "Standard_NC4as_T4_v3",
		SkuFamily:    "Standard NCASv3_T4 Family",
		VCPU:         4,
		MemoryMb:     28672,
		GPU:          1,
		Architecture: "amd64",
	},
	"Standard_A2_v2": {
		InstanceType: "Standard_A2_v2",
		SkuFamily:    "standardAv2Family",
		VCPU:         2,
		MemoryMb:     4096,
		GPU:          0,
		Architecture: "amd64",
	},
}

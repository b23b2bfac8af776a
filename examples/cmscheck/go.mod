module github.com/p06kit/p06kit/examples/cmscheck

go 1.26.0

require (
	github.com/p06kit/p06kit v0.0.0
	github.com/smallstep/pkcs7 v0.2.3
	github.com/stretchr/testify v1.12.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect

replace github.com/p06kit/p06kit => ../..
